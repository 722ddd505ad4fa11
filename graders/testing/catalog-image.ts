// The labs run bookstore/catalog. Its behaviour models are now registered with the simulator's
// default images (simulator/workloads/images/bookstore.ts), so there is nothing to stand in for;
// this stays so existing callers (tests, site/lab) keep compiling.
export function ensureCatalogImage(): 'bookstore' {
  return 'bookstore';
}
