/** A catalog's shape with any texts: the English catalog of a part must have the Japanese one's keys. */
export type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };
