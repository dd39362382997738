/** The shape every translation must have: the same keys as the English resource, any strings. */
export type WidenStrings<T> = { readonly [K in keyof T]: T[K] extends string ? string : WidenStrings<T[K]> };
