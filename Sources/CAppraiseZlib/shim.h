// zlib, for inflating a workbook's sheet as libxml2 reads it (EvidenceParsers/Syntax/XLSX/XLSXInflater.swift).
#include <zlib.h>
