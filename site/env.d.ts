/// <reference types="astro/client" />

// `astro check` types .astro components itself; plain `tsc` (which checks the rest of the
// repository) only needs to know that importing one yields a component.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
