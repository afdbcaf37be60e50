-- The trade ledger and the portfolio history, with the file contract's invariants as constraints.

create table trades (
    seq            bigint primary key check (seq >= 1),
    trade_id       text not null unique,
    signal_id      text unique,            -- one record per signal (settlements have none)
    kind           text not null check (kind in ('buy', 'sell', 'settlement')),
    executed_at    timestamptz not null,
    market_id      text not null,
    token_id       text not null,
    shares         numeric not null check (shares >= 0),
    price          numeric not null check (price >= 0 and price <= 1),
    cost           numeric not null check (cost >= 0),
    fees           numeric not null check (fees >= 0),
    cash_after     numeric not null,
    realized_pnl   numeric,
    record         jsonb not null,         -- the whole record, as the file store writes it
    check (trade_id = 'T' || lpad(seq::text, greatest(6, length(seq::text)), '0'))
);

-- Append-only: no record is changed or removed, and each one takes the next place in the ledger.
create function trades_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if new.seq <> coalesce((select max(seq) from trades), 0) + 1 then
            raise exception 'trades are append-only and gapless: record % is not the next one', new.trade_id
                using errcode = 'P0001';
        end if;
        return new;
    end if;
    raise exception 'trades are append-only: % refused', tg_op using errcode = 'P0002';
end $$;

create trigger trades_append_only before insert or update or delete on trades
    for each row execute function trades_append_only();
create trigger trades_no_truncate before truncate on trades
    for each statement execute function trades_append_only();

-- One snapshot per day, never rewritten.
create table portfolio_history (
    date         date primary key,
    recorded_at  timestamptz not null,
    equity       numeric not null,
    cash         numeric not null,
    record       jsonb not null
);

create function history_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'portfolio_history is append-only: % refused', tg_op using errcode = 'P0002';
end $$;

create trigger history_append_only before update or delete on portfolio_history
    for each row execute function history_append_only();
create trigger history_no_truncate before truncate on portfolio_history
    for each statement execute function history_append_only();
