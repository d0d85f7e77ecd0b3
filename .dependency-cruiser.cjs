/**
 * The layers of ARCHITECTURE.md, enforced by `npm run lint` (depcruise). Dependencies point inward:
 * server, cli → services → store, crypto, decode, extract, analysis → core. Only the composition
 * roots (buildServer, the CLI's main and store option) open the store for the outer layers.
 */
const COMPOSITION_ROOTS = [
  '^src/server/buildServer\\.ts$',
  '^src/cli/main\\.ts$',
  '^src/cli/storeOption\\.ts$',
  '^src/cli/command\\.ts$',
];

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Modules form no cycle: a cycle hides which of two modules is the lower layer.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'src/core holds domain words, types and checks: it imports nothing of the project but itself.',
      from: { path: '^src/core/' },
      to: { path: '^(src|web)/', pathNot: '^src/core/' },
    },
    {
      name: 'pure-layers-stay-pure',
      severity: 'error',
      comment: 'decode, extract and analysis are pure text and number logic: core and each other only.',
      from: { path: '^src/(decode|extract|analysis)/' },
      to: { path: '^src/(crypto|store|services|server|cli|runtime)/' },
    },
    {
      name: 'crypto-below-store',
      severity: 'error',
      comment: 'crypto knows keys and bytes, not records, use cases or transports.',
      from: { path: '^src/crypto/' },
      to: { path: '^src/(store|services|server|cli|extract|decode|analysis)/' },
    },
    {
      name: 'store-below-services',
      severity: 'error',
      comment: 'Repositories never call a use case or a transport.',
      from: { path: '^src/store/' },
      to: { path: '^src/(services|server|cli)/' },
    },
    {
      name: 'services-below-transports',
      severity: 'error',
      comment: 'Use cases do not know HTTP or the command line.',
      from: { path: '^src/services/' },
      to: { path: '^src/(server|cli)/' },
    },
    {
      name: 'transports-through-services',
      severity: 'error',
      comment: 'HTTP routes, presenters and commands reach the store only through services.',
      from: { path: '^src/(server|cli)/', pathNot: COMPOSITION_ROOTS },
      to: { path: '^src/store/' },
    },
    {
      name: 'server-and-cli-apart',
      severity: 'error',
      comment: 'The server does not use the CLI; the CLI starts the server only from `attest serve`.',
      from: { path: '^src/server/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'commands-apart',
      severity: 'error',
      comment: 'A command does not import another: what two commands share lives in src/cli/ or services.',
      from: { path: '^src/cli/commands/(?!index\\.ts)' },
      to: { path: '^src/cli/commands/' },
    },
    {
      name: 'web-through-http',
      severity: 'error',
      comment:
        'The web app reaches the server over HTTP only; it may share the pure domain words of src/core, and src/server/apiTypes.ts, which exports types only (verbatimModuleSyntax makes every import of it type-only, so nothing of the server reaches the bundle).',
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: '^src/core/|^src/server/apiTypes\\.ts$' },
    },
    {
      name: 'production-without-tests',
      severity: 'error',
      comment: 'Production code never imports tests, test helpers or devDependencies.',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { path: '(^test/|\\.test\\.ts$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
