#ifndef APPRAISE_CXLSXWRITER_SHIM_H
#define APPRAISE_CXLSXWRITER_SHIM_H
/* libxlsxwriter's header from Debian's libxlsxwriter-dev, for the C target XLSXWriterLoader, whose table of
   the library's functions AppraiseKit/Renderers/XLSX/XLSXWorkbook.swift calls (no Swift file imports this
   module). */
#include <xlsxwriter.h>
#endif
