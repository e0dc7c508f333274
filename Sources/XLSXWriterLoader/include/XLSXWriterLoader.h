#ifndef APPRAISE_XLSXWRITERLOADER_H
#define APPRAISE_XLSXWRITERLOADER_H
/* The libxlsxwriter functions the workbook writer calls, as a table of pointers filled when the first
   workbook is written: on Linux the library is opened then (dlopen), so a command that writes no workbook
   never loads it nor the OpenSSL and minizip it pulls in (docs/performance.md, "Start-up"). */
#include <xlsxwriter.h>

#define APPRAISE_XLSXWRITER_FUNCTIONS(X) \
  X(workbook_new_opt) X(workbook_close) X(workbook_set_properties) X(workbook_add_worksheet) \
  X(workbook_add_format) X(workbook_add_chart) X(lxw_strerror) \
  X(worksheet_set_column) X(worksheet_set_row) X(worksheet_write_string) X(worksheet_write_number) \
  X(worksheet_autofilter) X(worksheet_freeze_panes) X(worksheet_set_landscape) X(worksheet_fit_to_pages) \
  X(worksheet_repeat_rows) X(worksheet_set_footer) X(worksheet_insert_chart) X(worksheet_data_validation_range) \
  X(chart_title_set_name) X(chart_add_series) X(chart_series_set_name) X(chart_series_set_marker_type) \
  X(chart_axis_set_min) \
  X(format_set_align) X(format_set_pattern) X(format_set_bg_color) X(format_set_font_color) X(format_set_bold) \
  X(format_set_text_wrap) X(format_set_border) X(format_set_border_color) X(format_set_num_format)

/* Each field has its function's name and type. */
typedef struct appraise_xlsxwriter {
#define APPRAISE_XLSXWRITER_FIELD(name) __typeof__(name) *_Nonnull name;
  APPRAISE_XLSXWRITER_FUNCTIONS(APPRAISE_XLSXWRITER_FIELD)
#undef APPRAISE_XLSXWRITER_FIELD
} appraise_xlsxwriter;

/* The table, loaded once (thread-safe); NULL when the library or one of its functions cannot be found, with
   the reason in `failure` (a static string). */
const appraise_xlsxwriter *_Nullable appraise_xlsxwriter_load(const char *_Nullable *_Nonnull failure);

#endif
