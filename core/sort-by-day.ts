// One customer's orders in date order: aggregate-orders.ts, the churn models' order log and the
// streamed order columns all sort each customer's run of days (amounts alongside) the same way.
/** Sorts positions [start, end) of days (and amounts alongside) by day; stable, so file order breaks ties. */
export function sortByDay(days: Int32Array, amounts: Float64Array, start: number, end: number): void {
  const length = end - start;
  if (length < 2) return;
  if (length <= 32) {
    for (let i = start + 1; i < end; i++) {
      const day = days[i] as number;
      const amount = amounts[i] as number;
      let j = i - 1;
      while (j >= start && (days[j] as number) > day) {
        days[j + 1] = days[j] as number;
        amounts[j + 1] = amounts[j] as number;
        j--;
      }
      days[j + 1] = day;
      amounts[j + 1] = amount;
    }
    return;
  }
  const order = Array.from({ length }, (_, k) => start + k).sort((a, b) => (days[a] as number) - (days[b] as number) || a - b);
  const sortedDays = order.map((p) => days[p] as number);
  const sortedAmounts = order.map((p) => amounts[p] as number);
  days.set(sortedDays, start);
  amounts.set(sortedAmounts, start);
}
