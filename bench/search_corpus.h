/*
 * search_corpus.h — a generated catalogue for the search benchmark, kept in a cache file.
 *
 * Documents are made in the shapes of real government documents: titles from the forms organs
 * use (关于印发…的通知, …名单公示, …年度报告), a 文号 for most 公文 (滑政办〔2021〕37号), the
 * 索引号 of the default pattern, a body of 500–5,000 characters (salutation, numbered sections
 * 一、（一）, closing line, signature, date), and for about one document in six an attachment
 * (a list of names and amounts, as published with 公示). Sentences come from an order-2
 * character Markov chain trained on the real government text of the repository (the annual
 * reports of tests/data/corpus, the regulation and format notes of docs/spec), with topical
 * words of the document's subject mixed in, so that character and bigram frequencies follow
 * real text. Deterministic: the same N gives the same file.
 *
 * The file is written once (bench/search.sh keeps it in a cache folder outside the checkout)
 * and read back by bench_search; see search_corpus_open.
 */
#ifndef GK_BENCH_SEARCH_CORPUS_H
#define GK_BENCH_SEARCH_CORPUS_H

#include <stddef.h>

#define CORPUS_ORGANS 60      /* a county platform: the county, its townships and departments */

struct corpus_organ {
	char name[96];
	char abbrev[16];      /* 文号 prefix: 滑政, 慈政 … */
	char uscc[20];
};

/* One document as read from the file; strings point into the mapped file. */
struct corpus_doc {
	int organ;                    /* 0 … CORPUS_ORGANS-1 */
	const char *date;             /* YYYY-MM-DD: 成文 and 发布 */
	const char *title, *doc_no, *index_no, *topic, *genre, *validity, *invalid_date;
	const char *body;
	const char *attach_name;      /* "" when none */
	const char *attach_text;
};

/* The organs of the generated platform (the same for every corpus). */
void search_corpus_organ(int i, struct corpus_organ *out);

/* Write n documents to path, the model trained on the UTF-8 files train[0..ntrain).
 * Returns 0 or -1 with a message on stderr. */
int search_corpus_write(const char *path, long n, char *const *train, int ntrain);

struct corpus;
/* Map a corpus file; NULL with a message on stderr when it is missing or not one. */
struct corpus *search_corpus_open(const char *path);
long search_corpus_count(const struct corpus *c);
/* The next document, 0 at the end. */
int search_corpus_next(struct corpus *c, struct corpus_doc *d);
void search_corpus_rewind(struct corpus *c);
void search_corpus_close(struct corpus *c);

#endif
