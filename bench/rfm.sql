-- Tierwise's RFM step as SQL, for a table that has outgrown one machine: run it in DuckDB or a warehouse.
-- Input: a relation `customers` with one row per scored customer (a last purchase date, so prospects
-- are left out first) and the columns customer_id, last_purchase, orders, total_spend.
-- Output: every input column, then R, F, M, segment and tier.
--
-- Same rules as the core (tested against it in test/bench/rfm-sql.test.ts):
--   core/rfm.ts       score = 1 + floor(5 × w / N), w = customers with a strictly worse value (RANK() - 1),
--                     so equal values share a score and input order never matters; later last purchase,
--                     more orders and more spend are better.
--   core/segments.ts  the RF grid, Lost = Hibernating with R1 and M1-2.
--   core/tiers.ts     the default tier of each segment.
-- Not here: the core's lifecycle adjustment (a new or active customer, by their own purchase rhythm,
-- reads as R3 where R1-2 with F1-2 would say Hibernating), which needs each customer's order history;
-- churn risk, next action and reasons. ANSI SQL window functions only: 5.0 keeps the division exact
-- in PostgreSQL (numeric) and within a double's precision elsewhere (N below 2^40).
WITH ranked AS (
  SELECT
    c.*,
    CAST(1 + FLOOR(5.0 * (RANK() OVER (ORDER BY last_purchase) - 1) / COUNT(*) OVER ()) AS INTEGER) AS "R",
    CAST(1 + FLOOR(5.0 * (RANK() OVER (ORDER BY orders) - 1) / COUNT(*) OVER ()) AS INTEGER) AS "F",
    CAST(1 + FLOOR(5.0 * (RANK() OVER (ORDER BY total_spend) - 1) / COUNT(*) OVER ()) AS INTEGER) AS "M"
  FROM customers AS c
),
segmented AS (
  SELECT
    ranked.*,
    CASE
      WHEN "R" <= 2 AND "F" <= 2 AND "R" = 1 AND "M" <= 2 THEN 'Lost'
      WHEN "R" <= 2 AND "F" <= 2 THEN 'Hibernating'
      WHEN "R" <= 2 AND "F" <= 4 THEN 'At risk'
      WHEN "R" <= 2 THEN 'Can''t lose'
      WHEN "R" = 3 AND "F" <= 2 THEN 'About to sleep'
      WHEN "R" = 3 AND "F" = 3 THEN 'Need attention'
      WHEN "R" = 3 THEN 'Loyal'
      WHEN "R" = 4 AND "F" = 1 THEN 'Promising'
      WHEN "R" = 4 AND "F" <= 3 THEN 'Potential loyalist'
      WHEN "R" = 4 THEN 'Loyal'
      WHEN "F" = 1 THEN 'New'
      WHEN "F" <= 3 THEN 'Potential loyalist'
      ELSE 'Champions'
    END AS segment
  FROM ranked
)
SELECT
  segmented.*,
  CASE
    WHEN segment IN ('Champions', 'Loyal') THEN 'A'
    WHEN segment IN ('Potential loyalist', 'New', 'Promising') THEN 'B'
    WHEN segment IN ('Need attention', 'About to sleep') THEN 'C'
    ELSE 'D'
  END AS tier
FROM segmented
