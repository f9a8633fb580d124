#!/usr/bin/env python3
"""The way analysts score customers today: pandas groupby + quantile RFM (the common idiom of
shared/notes/models.md §1.1: rank(method="first") + qcut, RF string + regex segment map).
Used by bench/run.ts for a side-by-side comparison; prints one JSON line with timings and peak memory.

usage: pandas_rfm.py customers|orders <file.csv> <as-of YYYY-MM-DD> [out.csv]
"""
import json
import resource
import sys
import time

import pandas as pd

SEG_MAP = {
    r"[1-2][1-2]": "Hibernating",
    r"[1-2][3-4]": "At risk",
    r"[1-2]5": "Can't lose",
    r"3[1-2]": "About to sleep",
    r"33": "Need attention",
    r"[3-4][4-5]": "Loyal",
    r"41": "Promising",
    r"51": "New",
    r"[4-5][2-3]": "Potential loyalist",
    r"5[4-5]": "Champions",
}
TIERS = {"Champions": "A", "Loyal": "A", "Potential loyalist": "B", "New": "B", "Promising": "B",
         "Need attention": "C", "About to sleep": "C", "At risk": "D", "Can't lose": "D", "Hibernating": "D"}


def rfm(df: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    df["recency"] = (as_of - df["last_purchase"]).dt.days
    df["R"] = pd.qcut(df["recency"].rank(method="first"), 5, labels=[5, 4, 3, 2, 1])
    df["F"] = pd.qcut(df["orders"].rank(method="first"), 5, labels=[1, 2, 3, 4, 5])
    df["M"] = pd.qcut(df["total_spend"].rank(method="first"), 5, labels=[1, 2, 3, 4, 5])
    df["RF"] = df["R"].astype(str) + df["F"].astype(str)
    df["segment"] = df["RF"].replace(SEG_MAP, regex=True)
    df["tier"] = df["segment"].map(TIERS)
    return df


def main() -> None:
    mode, path, as_of_text = sys.argv[1], sys.argv[2], sys.argv[3]
    out_path = sys.argv[4] if len(sys.argv) > 4 else None
    as_of = pd.Timestamp(as_of_text)
    started = time.perf_counter()
    if mode == "customers":
        df = pd.read_csv(path, parse_dates=["last_purchase"])
        read = time.perf_counter()
        out = rfm(df, as_of)
    else:
        orders = pd.read_csv(path, parse_dates=["date"])
        read = time.perf_counter()
        orders = orders[orders["date"] <= as_of]
        purchases = orders[orders["amount"] >= 0]
        customers = purchases.groupby("customer_id").agg(
            first_purchase=("date", "min"), last_purchase=("date", "max"), orders=("date", "count"),
            purchase_days=("date", "nunique"))
        customers["total_spend"] = orders.groupby("customer_id")["amount"].sum()
        out = rfm(customers.reset_index(), as_of)
    if out_path:
        out.to_csv(out_path, index=False)
    done = time.perf_counter()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({
        "rows": int(len(out)), "readSeconds": read - started, "computeSeconds": done - read,
        "totalSeconds": done - started, "peakMB": peak_kb / 1024,
        "tiers": {k: int(v) for k, v in out["tier"].value_counts().items()},
    }))


if __name__ == "__main__":
    main()
