#!/usr/bin/env python3
"""The seed plan's refresh as its author would batch it (docs: ../../docs/ORIGINAL-PLAN.md): the
yardstick Prescient's `refresh` is timed against (bench/README.md).

Discovers every open event (Gamma /events/keyset, 500 a page, the filters re-sent), keeps the
events the seed's filter keeps (active, not closed or archived, order book enabled, some liquidity
and volume), extracts their markets, fetches the books of the YES token of each market that accepts
orders with CLOB POST /books in batches of 500, one batch after another, and writes what the seed
writes: data/events/filtered_events.json, data/events/filtered_markets.json, a market cache, and
the CSVs events_filtered.csv and markets_extracted.csv. Standard library only.

    python3 bench/seed/seed_refresh.py --url http://127.0.0.1:5077/ --data /tmp/seed
"""
import argparse
import csv
import json
import os
import urllib.parse
import urllib.request


def get(url):
    with urllib.request.urlopen(url) as reply:
        return json.loads(reply.read())


def post(url, body):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as reply:
        return json.loads(reply.read())


def discover(base):
    events, cursor = [], None
    while True:
        query = {"limit": 500, "active": "true", "closed": "false", "archived": "false"}
        if cursor:
            query["after_cursor"] = cursor
        page = get(base + "events/keyset?" + urllib.parse.urlencode(query))
        events.extend(page.get("events", []))
        cursor = page.get("next_cursor")
        if not cursor:
            return events


def keep(event):
    return (event.get("active") and not event.get("closed") and not event.get("archived")
            and event.get("enableOrderBook", True)
            and float(event.get("liquidity") or 0) >= 1000 and float(event.get("volume") or 0) >= 1000)


def extract_markets_from_events(events):
    markets = []
    for event in events:
        for market in event.get("markets", []):
            tokens = json.loads(market.get("clobTokenIds") or "[]")
            markets.append({
                "event_id": event["id"], "event_title": event.get("title"), "market_id": market["id"],
                "market_slug": market.get("slug"), "question": market.get("question"),
                "yes_token_id": tokens[0] if tokens else None, "no_token_id": tokens[1] if len(tokens) > 1 else None,
                "accepting_orders": bool(market.get("acceptingOrders")), "closed": bool(market.get("closed")),
                "liquidity": market.get("liquidity"), "volume": market.get("volume"), "end_date": market.get("endDate"),
            })
    return markets


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=2)


def write_csv(path, rows):
    fieldnames = list(rows[0].keys()) if rows else []
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=fieldnames, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:5077/")
    parser.add_argument("--data", default="data")
    args = parser.parse_args()
    base = args.url if args.url.endswith("/") else args.url + "/"
    os.makedirs(os.path.join(args.data, "events"), exist_ok=True)
    os.makedirs(os.path.join(args.data, "exports"), exist_ok=True)
    os.makedirs(os.path.join(args.data, "markets"), exist_ok=True)

    events = [e for e in discover(base) if keep(e)]
    markets = extract_markets_from_events(events)
    tokens = [m["yes_token_id"] for m in markets if m["accepting_orders"] and not m["closed"] and m["yes_token_id"]]
    books = []
    for i in range(0, len(tokens), 500):
        books.extend(post(base + "books", [{"token_id": t} for t in tokens[i:i + 500]]))

    write_json(os.path.join(args.data, "events", "filtered_events.json"), events)
    write_json(os.path.join(args.data, "events", "filtered_markets.json"), markets)
    write_json(os.path.join(args.data, "markets", "market_cache.json"), books)
    write_csv(os.path.join(args.data, "exports", "events_filtered.csv"),
              [{k: e.get(k) for k in ("id", "slug", "title", "liquidity", "volume", "endDate")} for e in events])
    write_csv(os.path.join(args.data, "exports", "markets_extracted.csv"), markets)
    print(f"{len(events)} events kept, {len(markets)} markets, {len(tokens)} tokens quoted, {len(books)} books")


if __name__ == "__main__":
    main()
