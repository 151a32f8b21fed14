// The message envelope of the DCI Social Registry API v1.0.0 (spdci/api-standards,
// release/yaml/social_api_v1.0.0.yaml, commit 4e1fd1ad): signature, header (MsgHeader_V1.0.0 on
// requests, MsgCallbackHeader_V1.0.0 on answers) and message (SearchRequest / SearchResponse,
// TxnStatusRequest / TxnStatusResponse), the ack (Response) and the HTTP error body
// (HttpErrorResponse). Requests are read as the spec's own examples write them: where an example
// departs from the schema (total_count as a string, consent "" or meta ""), the request schema
// takes both, and the handler answers the spec's codes (test/fixtures/dci/README.md lists the
// departures). Answers follow the schema exactly.
import { Type, type Static } from 'typebox';
import { enumOf } from '../kernel/schemas.ts';
import { ACK_STATUSES, DCI_ERROR_CODES, DCI_STATUSES, HEADER_REASON_CODES, SEARCH_REASON_CODES, TXN_TYPES } from './model.ts';

const Free = (description: string) => Type.Unknown({ description });

/** MsgSignature: a signature of header+message by the sender's key (read, not verified: the caller is its API token). */
export const MsgSignature = Type.String({ maxLength: 4000, description: "Signature of {header}+{message} by the sender's key" });

/** MsgHeader_V1.0.0 of a request. */
export const MsgHeader = Type.Object({
  version: Type.Optional(Type.String({ maxLength: 20 })),
  message_id: Type.String({ maxLength: 99 }),
  message_ts: Type.String({ maxLength: 40 }),
  action: Type.String({ maxLength: 40 }),
  sender_id: Type.String({ maxLength: 200 }),
  sender_uri: Type.Optional(Type.String({ maxLength: 2000 })),
  receiver_id: Type.Optional(Type.String({ maxLength: 200 })),
  total_count: Type.Union([Type.Integer({ minimum: 0 }), Type.String({ maxLength: 12 })]),
  is_msg_encrypted: Type.Optional(Type.Boolean()),
  meta: Type.Optional(Free('Additional meta info (object; the examples send "")')),
});

/** One search_request item of SearchRequest. */
export const SearchRequestItem = Type.Object({
  reference_id: Type.String({ maxLength: 99 }),
  timestamp: Type.String({ maxLength: 40 }),
  search_criteria: Type.Object({
    version: Type.Optional(Type.String({ maxLength: 20 })),
    reg_event_type: Type.Optional(Type.String({ maxLength: 100 })),
    query_type: Type.String({ maxLength: 40 }),
    response_entity: Type.Optional(Type.String({ maxLength: 100 })),
    query: Free('Identifier type and value { type, value }, or a list of expressions { seq_num, expression1, condition, expression2 }'),
    sort: Type.Optional(Free('A list of { attribute_name, sort_order }')),
    pagination: Type.Optional(Free('{ page_size, page_number }')),
    consent: Type.Optional(Free('Consent { ts, purpose: { text, code, ref_uri } }: required to search personal data')),
    authorize: Type.Optional(Free('Authorize { ts, purpose }')),
  }),
  locale: Type.Optional(Type.String({ maxLength: 20 })),
});

/** SearchRequest. */
export const SearchRequest = Type.Object({
  transaction_id: Type.String({ maxLength: 99 }),
  search_request: Type.Array(SearchRequestItem),
});

/** EncryptedMessage (recognised so that it can be refused with err.encryption.invalid). */
export const EncryptedMessage = Type.Object({
  header: Type.Object({ alg: Type.String({ maxLength: 100 }), enc: Type.String({ maxLength: 100 }), kid: Type.String({ maxLength: 400 }) }),
  ciphertext: Type.String(),
  encrypted_key: Type.String(),
  tag: Type.String(),
  iv: Type.String(),
});

export const SearchEnvelope = Type.Object({
  signature: Type.Optional(MsgSignature),
  header: MsgHeader,
  message: Type.Union([SearchRequest, EncryptedMessage]),
});
export type SearchEnvelope = Static<typeof SearchEnvelope>;

/** TxnStatusRequest. */
export const TxnStatusRequest = Type.Object({
  transaction_id: Type.String({ maxLength: 99 }),
  txnstatus_request: Type.Object({
    reference_id: Type.String({ maxLength: 99 }),
    txn_type: Type.String({ maxLength: 40 }),
    attribute_type: Type.String({ maxLength: 40 }),
    attribute_value: Type.Union([Type.String({ maxLength: 99 }), Type.Array(Type.String({ maxLength: 99 }))]),
    locale: Type.Optional(Type.String({ maxLength: 20 })),
  }),
});
export const TxnStatusEnvelope = Type.Object({
  signature: Type.Optional(MsgSignature),
  header: MsgHeader,
  message: Type.Union([TxnStatusRequest, EncryptedMessage]),
});
export type TxnStatusEnvelope = Static<typeof TxnStatusEnvelope>;

// ---- answers -----------------------------------------------------------------------------

const Identifier = Type.Object({ identifier_type: Type.String(), identifier_value: Type.String() });

/** SRPerson, as this registry fills it (masked unless the caller may read the person in full). */
export const SrPerson = Type.Object({
  '@context': Type.Object({ '@vocab': Type.String() }),
  '@type': Type.Literal('SRPerson'),
  identifier: Type.Array(Identifier),
  name: Type.Object({ surname: Type.String(), second_name: Type.String(), given_name: Type.String() }),
  sex: Type.String(),
  birth_date: Type.String(),
  is_deceased: Type.Boolean(),
  death_date: Type.Optional(Type.String()),
  is_disabled: Type.Optional(Type.Boolean()),
  household_identifier: Type.String(),
  address: Type.Array(
    Type.Object({ '@type': Type.Literal('Address'), region_code: Type.String(), sub_region_code: Type.String(), country_code: Type.String() }),
  ),
  additional_attributes: Type.Array(Type.Object({ attribute_name: Type.String(), attribute_value: Type.Boolean() })),
});

/** MsgCallbackHeader_V1.0.0 of an answer. */
export const MsgCallbackHeader = Type.Object({
  version: Type.String(),
  message_id: Type.String(),
  message_ts: Type.String({ format: 'date-time' }),
  action: Type.String(),
  status: enumOf(DCI_STATUSES),
  status_reason_code: Type.Optional(enumOf(HEADER_REASON_CODES)),
  status_reason_message: Type.Optional(Type.String({ maxLength: 999 })),
  total_count: Type.Integer(),
  completed_count: Type.Integer(),
  sender_id: Type.String(),
  receiver_id: Type.String(),
  is_msg_encrypted: Type.Boolean(),
});

/** One search_response item of SearchResponse. */
export const SearchResponseItem = Type.Object({
  reference_id: Type.String(),
  timestamp: Type.String({ format: 'date-time' }),
  status: enumOf(DCI_STATUSES),
  status_reason_code: Type.Optional(enumOf(SEARCH_REASON_CODES)),
  status_reason_message: Type.Optional(Type.String({ maxLength: 999 })),
  data: Type.Optional(Type.Object({ version: Type.String(), reg_records: Type.Array(SrPerson) })),
  pagination: Type.Optional(Type.Object({ page_size: Type.Integer(), page_number: Type.Integer(), total_count: Type.Integer() })),
  locale: Type.Optional(Type.String()),
});
export type SearchResponseItem = Static<typeof SearchResponseItem>;

/** SearchResponse. */
export const SearchResponse = Type.Object({
  transaction_id: Type.String(),
  correlation_id: Type.String(),
  search_response: Type.Array(SearchResponseItem),
});
export type SearchResponse = Static<typeof SearchResponse>;

/** The answer of /registry/sync/search: header action on-search. */
export const SyncSearchAnswer = Type.Object({
  signature: Type.Optional(Type.String()),
  header: MsgCallbackHeader,
  message: Type.Optional(SearchResponse),
});
export type SyncSearchAnswer = Static<typeof SyncSearchAnswer>;

/** TxnStatusResponse: txn_status is the SearchResponse of the transaction. */
export const TxnStatusResponse = Type.Object({
  transaction_id: Type.String(),
  correlation_id: Type.String(),
  txnstatus_response: Type.Object({ txn_type: enumOf(TXN_TYPES), txn_status: SearchResponse }),
});
export const SyncTxnStatusAnswer = Type.Object({
  signature: Type.Optional(Type.String()),
  header: MsgCallbackHeader,
  message: Type.Optional(TxnStatusResponse),
});
export type SyncTxnStatusAnswer = Static<typeof SyncTxnStatusAnswer>;

/** Error (communication layer). */
export const DciError = Type.Object({ code: enumOf(DCI_ERROR_CODES), message: Type.String({ maxLength: 999 }) });

/** Response: the ack of an async request, and of a request refused before it is read. */
export const Ack = Type.Object({
  message: Type.Object({
    ack_status: enumOf(ACK_STATUSES),
    timestamp: Type.String({ format: 'date-time' }),
    error: Type.Optional(DciError),
    correlation_id: Type.String(),
  }),
});
export type Ack = Static<typeof Ack>;

/** HttpErrorResponse: errors of the HTTP layer (401, 403, 429, 500). */
export const HttpErrorResponse = Type.Object({
  errors: Type.Array(Type.Object({ code: enumOf(DCI_ERROR_CODES), message: Type.String() })),
});
export type HttpErrorResponse = Static<typeof HttpErrorResponse>;
