// Times scoreCustomers on a customer CSV already in memory; prints {seconds, rows}.
import { scoreCustomers } from '../../core/index.ts';
import { readCustomers } from './read-csv.ts';

const [path, asOf] = process.argv.slice(2) as [string, string];
const customers = readCustomers(path);
const started = performance.now();
const results = scoreCustomers(customers, { asOf });
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ seconds, rows: results.length }));
