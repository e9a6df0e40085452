/** A name without accents, as the given-name set keys it ("Édgar" and "Edgar" are one name). */
export const foldName = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '');
