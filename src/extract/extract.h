/*
 * extract.h — the text of an attachment (PDF, DOCX, XLSX, plain text), for search.
 *
 * An uploaded file is untrusted: a hostile or broken PDF, a zip bomb disguised as DOCX, an XML
 * file that expands without end. So the reading is never done in the server's process: it
 * runs in a new process of the same program (/proc/self/exe started as `extract-text KIND`),
 * given the bytes on a memory file as standard input, with hard limits — address space
 * EXTRACT_MEMORY, CPU time EXTRACT_CPU_SECONDS, no files written, no core — and killed after
 * EXTRACT_WALL_SECONDS of wall time. Its standard output is read up to EXTRACT_TEXT_MAX bytes.
 * A crash, a limit reached or an unreadable file gives EXTRACT_BROKEN with a note saying why;
 * the file is still stored, only not searchable. Plain text is checked in place (valid UTF-8).
 *
 * The text: PDF pages separated by form feeds (\f), DOCX paragraphs and table cells by line
 * breaks and tabs, XLSX rows by line breaks and cells by tabs (each sheet after the last);
 * control characters other than \n \t \f removed, valid UTF-8.
 *
 * Libraries: poppler-glib (PDF; only this module includes it), libzip and libxml2's reader
 * (DOCX, XLSX). Depends on base/ and text/.
 */
#ifndef GK_EXTRACT_EXTRACT_H
#define GK_EXTRACT_EXTRACT_H

#include <stddef.h>

#include "base/arena.h"

#define EXTRACT_TEXT_MAX (8u << 20)            /* bytes of text kept from one file */
#define EXTRACT_MEMORY ((size_t)1 << 30)       /* address space of the reading process */
#define EXTRACT_CPU_SECONDS 20
#define EXTRACT_WALL_SECONDS 30
#define EXTRACT_UNZIPPED_MAX (64u << 20)       /* bytes of one DOCX / XLSX part once unzipped */

enum extract_state {
	EXTRACT_NONE,    /* not a kind whose text is read (an image) */
	EXTRACT_OK,      /* text read */
	EXTRACT_EMPTY,   /* readable, but no text in it (a scanned PDF) */
	EXTRACT_BROKEN,  /* could not be read: note says why */
};

/* The stored names of the states ("none", "ok", "empty", "broken"). */
extern const char *const extract_state_ids[4];

struct extract_result {
	enum extract_state state;
	const char *text;   /* in the arena; NULL unless EXTRACT_OK */
	const char *note;   /* why not, for EXTRACT_BROKEN / EXTRACT_EMPTY; NULL otherwise */
};

/* The text of data[0..len), a file of type mime ("application/pdf", the DOCX and XLSX types,
 * "text/plain"), into out (strings in a). Never fails: what cannot be read is EXTRACT_BROKEN. */
void extract_text(const void *data, size_t len, const char *mime, struct arena *a,
		  struct extract_result *out);

/* The reading process: argv is { "extract-text", KIND } with KIND pdf, docx or xlsx; reads
 * the file from standard input, writes its text to standard output. Returns the exit status
 * (0, or 3 for a file that cannot be read, with the reason on standard error). Called by the
 * program's main when its first argument is "extract-text" (gongkai, and the tests). */
int extract_child_main(int argc, char **argv);

#endif
