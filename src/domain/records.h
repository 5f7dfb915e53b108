/*
 * records.h — the records of the ledger export, each field declared once (text/desc.h): its id
 * (the member's name and the key in a ledger export), its type, whether a record needs it,
 * whether it is personal data or a secret, and its Chinese label. The export writes the fields
 * in this order and the import accepts exactly these keys, checked by their declaration
 * (domain/exchange.c). Every record the store keeps field by field is declared beside its struct
 * (store/records.h, included here), where the store binds and reads it; an account, which the
 * export carries without its password, is declared here.
 * May call store/ (the record structs and their declarations), domain/user.h, text/desc.h,
 * base/.
 */
#ifndef GK_DOMAIN_RECORDS_H
#define GK_DOMAIN_RECORDS_H

#include "store/records.h"   /* the records the store binds by their declaration */
#include "text/desc.h"

extern const struct desc_record user_account_desc;   /* struct user_new (domain/user.h): name, role */

#endif
