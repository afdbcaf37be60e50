-- The rest of the store: the state documents, the signals archive, the run log and the daily prices.

-- The documents each run replaces whole (portfolio, current signals, extracted markets, quotes, kept
-- events), byte for byte the JSON the file store writes. The portfolio's row says which ledger record it
-- was written over, so a start can tell it is current without replaying.
create table documents (
    name          text primary key,
    body          bytea not null,
    generated_at  timestamptz,
    source        text,
    ledger_seq    bigint check (ledger_seq >= 0),
    updated_at    timestamptz not null default now()
);

-- One row per signal per month archived, never changed.
create table signals_archive (
    month      text not null check (month ~ '^[0-9]{4}-[0-9]{2}$'),
    signal_id  text not null,
    seq        bigserial not null,
    record     jsonb not null,
    primary key (month, signal_id)
);

-- One row per cycle or end-of-day run, succeeded or failed, never changed.
create table run_log (
    seq     bigserial primary key,
    kind    text not null,
    record  jsonb not null
);
create index run_log_kind on run_log (kind, seq);

-- One row per trading day: the day's first quotes, never replaced.
create table daily_prices (
    day    date primary key,
    body   bytea not null
);

create trigger signals_archive_append_only before update or delete on signals_archive
    for each row execute function history_append_only();
create trigger signals_archive_no_truncate before truncate on signals_archive
    for each statement execute function history_append_only();
create trigger run_log_append_only before update or delete on run_log
    for each row execute function history_append_only();
create trigger run_log_no_truncate before truncate on run_log
    for each statement execute function history_append_only();
create trigger daily_prices_append_only before update or delete on daily_prices
    for each row execute function history_append_only();
create trigger daily_prices_no_truncate before truncate on daily_prices
    for each statement execute function history_append_only();

-- The portfolio rebuilt from the trades in one query (one row): the cash after the last record (null:
-- no trades yet), the number of records, and the shares held per token: bought, less sold and settled
-- (a settlement record carries the shares it closes).
create view portfolio_from_trades as
select
    (select cash_after from trades order by seq desc limit 1) as cash,
    (select count(*) from trades) as records,
    coalesce((
        select jsonb_object_agg(token_id, shares)
        from (
            select token_id, sum(case when kind = 'buy' then shares else -shares end) as shares
            from trades
            group by market_id, token_id
            having sum(case when kind = 'buy' then shares else -shares end) <> 0
        ) held
    ), '{}'::jsonb) as positions;

-- Every appended record is announced (LISTEN prescient_trades; the payload is its seq), so a process can
-- follow the ledger as it grows without polling it.
create function trades_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('prescient_trades', new.seq::text);
    return null;
end $$;

create trigger trades_notify after insert on trades
    for each row execute function trades_notify();
