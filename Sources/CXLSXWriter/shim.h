#ifndef APPRAISE_CXLSXWRITER_SHIM_H
#define APPRAISE_CXLSXWRITER_SHIM_H
/* libxlsxwriter from Debian's libxlsxwriter-dev; imported by exactly one Swift file,
   AppraiseKit/Renderers/XLSX/XLSXWorkbook.swift. */
#include <xlsxwriter.h>
#endif
