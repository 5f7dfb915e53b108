/*
 * records.h — the records the store keeps, each field declared once (text/desc.h): its id
 * (the member's name and the key in a ledger export), its type, whether a record needs it,
 * whether it is personal data or a secret, and its Chinese label. The export writes the fields
 * in this order and the import accepts exactly these keys, checked by their declaration
 * (domain/exchange.c); adding a stored field is one line here, one member, one migration.
 * Applications, documents, their events and organs' settings, which the store binds and reads
 * by their declaration, are declared beside their structs (store/records.h, included here).
 * May call store/ (the record structs and their declarations), domain/user.h, text/desc.h,
 * base/.
 */
#ifndef GK_DOMAIN_RECORDS_H
#define GK_DOMAIN_RECORDS_H

#include "store/records.h"   /* the records the store binds by their declaration */
#include "text/desc.h"

extern const struct desc_record notice_issued_desc;  /* struct notice_issued: a notice issued */
extern const struct desc_record doc_attachment_desc; /* struct doc_attachment: what describes it */
extern const struct desc_record report_text_desc;    /* struct report_text_rec (store/report_store.h) */
extern const struct desc_record user_account_desc;   /* struct user_new (domain/user.h): name, role */

#endif
