/** The shape of a catalog (or part of one): the same keys, each with some string. */
export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
