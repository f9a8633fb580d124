#!/usr/bin/env python3
"""The pandas script a careful analyst would write: vectorised throughout (one read_csv, one groupby
for orders, rank(method="min") for tie-safe quintiles, segment and tier looked up in numpy arrays
indexed by the scores, one to_csv). Same rules as the core and bench/rfm.sql: score =
1 + floor(5 × w / N) with w the customers strictly worse (core/rfm.ts), the RF grid with Lost
(core/segments.ts), the default tiers (core/tiers.ts); no lifecycle adjustment.
Used by bench/run.ts; prints one JSON line (rows, seconds).

usage: pandas_rfm.py customers|orders <file.csv> <as-of YYYY-MM-DD> <out.csv>
"""
import json
import sys
import time

import numpy as np
import pandas as pd

# GRID[r - 1][f - 1], as core/segments.ts.
GRID = np.array([
    ["Hibernating", "Hibernating", "At risk", "At risk", "Can't lose"],
    ["Hibernating", "Hibernating", "At risk", "At risk", "Can't lose"],
    ["About to sleep", "About to sleep", "Need attention", "Loyal", "Loyal"],
    ["Promising", "Potential loyalist", "Potential loyalist", "Loyal", "Loyal"],
    ["New", "Potential loyalist", "Potential loyalist", "Champions", "Champions"],
], dtype=object)
TIERS = {"Champions": "A", "Loyal": "A", "Potential loyalist": "B", "New": "B", "Promising": "B",
         "Need attention": "C", "About to sleep": "C", "At risk": "D", "Can't lose": "D",
         "Hibernating": "D", "Lost": "D"}


def quintile(values: pd.Series) -> np.ndarray:
    """1 + floor(5 × w / N), w = values strictly below: rank(method="min") - 1."""
    worse = values.rank(method="min").to_numpy(dtype=np.int64) - 1
    return (1 + (5 * worse) // len(values)).astype(np.int8)


def rfm(df: pd.DataFrame) -> pd.DataFrame:
    r = quintile(df["last_purchase"])
    f = quintile(df["orders"])
    m = quintile(df["total_spend"])
    segment = GRID[r - 1, f - 1]
    segment = np.where((r == 1) & (f <= 2) & (m <= 2), "Lost", segment)
    df["R"], df["F"], df["M"] = r, f, m
    df["segment"] = segment
    df["tier"] = pd.Series(segment, index=df.index).map(TIERS)
    return df


def main() -> None:
    mode, path, as_of_text, out_path = sys.argv[1:5]
    as_of = pd.Timestamp(as_of_text)
    started = time.perf_counter()
    if mode == "customers":
        df = pd.read_csv(path, parse_dates=["first_purchase", "last_purchase"])
        # Customers without a purchase date are prospects, scored apart by the core.
        out = rfm(df[df["last_purchase"].notna()].copy())
    else:
        orders = pd.read_csv(path, parse_dates=["date"], dtype={"customer_id": str, "amount": float})
        orders = orders[orders["date"] <= as_of]
        # Refunds (negative amounts) net against spend but are not purchases (core/aggregate-orders.ts).
        orders["purchase"] = orders["date"].where(orders["amount"] >= 0)
        customers = orders.groupby("customer_id", sort=False).agg(
            first_purchase=("purchase", "min"), last_purchase=("purchase", "max"),
            orders=("purchase", "count"), total_spend=("amount", "sum"))
        customers["total_spend"] = customers["total_spend"].round(2)
        out = rfm(customers[customers["orders"] > 0].reset_index())
    out.to_csv(out_path, index=False, date_format="%Y-%m-%d")
    print(json.dumps({"rows": int(len(out)), "seconds": time.perf_counter() - started}))


if __name__ == "__main__":
    main()
