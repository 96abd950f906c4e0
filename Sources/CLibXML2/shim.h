#ifndef WSOA_CLIBXML2_SHIM_H
#define WSOA_CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU, so its encoding header pulls in ICU's
 * headers, whose UErrorCode then clashes with Foundation's own copy of ICU
 * in any module that sees both (a package depending on TrackerKit failed to
 * build from clean). wsoa never touches libxml2's ICU converters (it only
 * holds pointers to encoding handlers), so the headers are read without them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>
#include <libxml/globals.h>

/* libxml2 reports some errors without a parser context (the encoding layer's
 * "input conversion failed", I/O errors) through its generic error handler,
 * which prints to stderr. XMLStream gets every error it needs from its
 * per-parser structured handler, so while a parser runs it swaps the generic
 * handler (a thread-local in libxml2) for one that prints nothing, and puts
 * the previous one back after. The handler is variadic, which Swift cannot
 * define, hence these helpers. */
static void wsoa_xml_ignore_generic_error(void *context, const char *message, ...) {
  (void)context;
  (void)message;
}

typedef struct {
  xmlGenericErrorFunc handler;
  void *context;
} wsoa_xml_generic_error_state;

static inline wsoa_xml_generic_error_state wsoa_xml_silence_generic_errors(void) {
  wsoa_xml_generic_error_state saved = { xmlGenericError, xmlGenericErrorContext };
  xmlSetGenericErrorFunc(NULL, wsoa_xml_ignore_generic_error);
  return saved;
}

static inline void wsoa_xml_restore_generic_errors(wsoa_xml_generic_error_state saved) {
  xmlSetGenericErrorFunc(saved.context, saved.handler);
}
#endif
