/*
 * records.h — the records the store reads and writes by their declaration (text/desc.h), each
 * declared once beside its struct's area: its fields' ids (the member's name, the column's
 * name, the key in a ledger export), types, limits, flags and Chinese labels. The store binds
 * and reads them in this order (db_bind_record, db_read_record: the statements' column lists
 * follow it), the ledger export writes them in it, and the import accepts exactly these keys,
 * checked by the declaration (domain/exchange.c). Adding a stored field is one line here, one
 * member, the column in the statements and a migration. domain/records.h declares the rest.
 * May call text/desc.h, base/.
 */
#ifndef GK_STORE_RECORDS_H
#define GK_STORE_RECORDS_H

#include "text/desc.h"

extern const struct desc_record app_rec_desc;        /* struct app_rec (store/app_store.h) */
extern const struct desc_record app_event_rec_desc;  /* struct app_event_rec */
extern const struct desc_record doc_desc;            /* struct doc (store/doc_store.h) */
extern const struct desc_record doc_event_desc;      /* struct doc_event */
extern const struct desc_record agency_rec_desc;     /* struct agency_rec (store/agency_store.h) */
extern const struct desc_record agency_profile_desc; /* struct agency_profile (store/agency_store.h) */
extern const struct desc_record notice_issued_desc;  /* struct notice_issued: a notice issued */
extern const struct desc_record doc_attachment_desc; /* struct doc_attachment: what describes it */
extern const struct desc_record report_text_desc;    /* struct report_text_rec (store/report_store.h) */
extern const struct desc_record report_pub_desc;     /* struct report_pub_rec: a published revision */
extern const struct desc_record user_rec_desc;       /* struct user_rec (store/user_store.h): an account */

#endif
