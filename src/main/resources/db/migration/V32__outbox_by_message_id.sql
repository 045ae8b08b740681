-- Replies name culprit's mails by Message-ID (In-Reply-To, References: up to 51 lookups a reply):
-- the outbox is searched by it.
create index outbox_by_message_id on outbox (message_id);
