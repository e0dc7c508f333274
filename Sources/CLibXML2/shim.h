#ifndef APPRAISE_CLIBXML2_SHIM_H
#define APPRAISE_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, so <libxml/encoding.h> would include the system <unicode/ucnv.h>.
   Foundation brings its own ICU headers (module _FoundationICU) with a different `enum UErrorCode`, and a
   Swift module that sees both fails to build ("... is not present in definition of 'enum UErrorCode' in
   module 'CLibXML2'"). Swift never touches libxml2's ICU converter fields, so hide them. */
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
/* The XSD validator, used by the tests only (EvidenceXSDTests). */
#include <libxml/xmlschemas.h>

/// libxml2 exposes xmlFree as a global function pointer, which Swift 6 rejects as not concurrency-safe.
static inline void appraise_xmlFree(void *pointer) { xmlFree(pointer); }

// ---- Accessors for EvidenceParsers/XML/XMLStreamReader.swift (the only Swift user of libxml2) ----

/// A variadic no-op for xmlSetGenericErrorFunc (Swift cannot define C variadic functions).
static inline void appraise_ignoreGenericError(void *context, const char *message, ...) {
  (void)context;
  (void)message;
}

/// Routes libxml2 errors that have no parser context (and its few direct generic messages) to
/// `handler` instead of stderr: for the calling thread and as the default for threads that first use
/// libxml2 later. Call once, right after xmlInitParser(), on the same thread.
static inline void appraise_silenceDefaultErrorHandlers(xmlStructuredErrorFunc handler) {
  xmlSetStructuredErrorFunc(NULL, handler);
  xmlThrDefSetStructuredErrorFunc(NULL, handler);
  xmlSetGenericErrorFunc(NULL, appraise_ignoreGenericError);
  xmlThrDefSetGenericErrorFunc(NULL, appraise_ignoreGenericError);
}

/// The parser context behind a structured error, or NULL when the error did not come from a parser.
/// Only valid inside the error callback.
static inline xmlParserCtxtPtr appraise_errorParserContext(const xmlError *error) {
  if (error == NULL || error->ctxt == NULL) return NULL;
  if (error->domain != XML_FROM_PARSER && error->domain != XML_FROM_NAMESPACE) return NULL;
  return (xmlParserCtxtPtr)error->ctxt;
}

/// 1 when the parser has seen a DOCTYPE (internal or external subset), else 0.
static inline int appraise_parserSawDoctype(xmlParserCtxtPtr ctxt) {
  if (ctxt == NULL) return 0;
  if (ctxt->inSubset != 0 || ctxt->hasExternalSubset != 0) return 1;
  return (ctxt->myDoc != NULL && (ctxt->myDoc->intSubset != NULL || ctxt->myDoc->extSubset != NULL)) ? 1 : 0;
}

/// Name of the innermost element the parser has opened but not closed, or NULL.
static inline const xmlChar *appraise_parserOpenElementName(xmlParserCtxtPtr ctxt) {
  if (ctxt == NULL || ctxt->nameNr <= 0) return NULL;
  return ctxt->name;
}

/// 1 when the parser has started a root element, else 0.
static inline int appraise_parserSawRootElement(xmlParserCtxtPtr ctxt) {
  if (ctxt == NULL || ctxt->myDoc == NULL) return 0;
  return xmlDocGetRootElement(ctxt->myDoc) != NULL ? 1 : 0;
}

#endif
