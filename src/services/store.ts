/**
 * The open store as the outer layers hold it: HTTP routes and CLI commands receive it from the
 * composition root (buildServer, cli/main) and hand it, or its `db`, to services. Only services and
 * the composition root import `store/`.
 */
export type { Db } from '../store/db.ts';
export type { Store } from '../store/openStore.ts';
