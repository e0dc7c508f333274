/* XML parse floor for bench/run.py: one libxml2 SAX2 pass over a file with empty callbacks (no tree,
 * no strings kept). What any libxml2-based reader of the file costs at least.
 *
 *   cc -O2 $(pkg-config --cflags libxml-2.0) sax2_floor.c -o sax2_floor $(pkg-config --libs libxml-2.0)
 *   sax2_floor FILE        exit 0 when the file is well-formed, 1 otherwise
 */
#include <stdio.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/SAX2.h>

static void start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                          int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                          const xmlChar **attributes) {
    (void)ctx; (void)localname; (void)prefix; (void)uri; (void)nb_namespaces; (void)namespaces;
    (void)nb_attributes; (void)nb_defaulted; (void)attributes;
}

static void end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri) {
    (void)ctx; (void)localname; (void)prefix; (void)uri;
}

static void characters(void *ctx, const xmlChar *text, int length) {
    (void)ctx; (void)text; (void)length;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: sax2_floor FILE\n");
        return 2;
    }
    xmlSAXHandler handler;
    memset(&handler, 0, sizeof handler);
    xmlSAXVersion(&handler, 2);
    /* Keep SAX2 (initialized = XML_SAX2_MAGIC) but drop every tree-building default callback. */
    unsigned int magic = handler.initialized;
    memset(&handler, 0, sizeof handler);
    handler.initialized = magic;
    handler.startElementNs = start_element;
    handler.endElementNs = end_element;
    handler.characters = characters;
    handler.cdataBlock = characters;
    int status = xmlSAXUserParseFile(&handler, NULL, argv[1]);
    xmlCleanupParser();
    if (status != 0) {
        fprintf(stderr, "sax2_floor: %s is not well-formed (libxml2 error %d)\n", argv[1], status);
        return 1;
    }
    return 0;
}
