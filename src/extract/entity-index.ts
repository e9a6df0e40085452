import type { EntityType } from '../domain/entity.js';
import type { Languages } from './lang/languages.js';
import { nameCuesOf } from './name-cues.js';
import type { ExtractedEntity, Span } from './types.js';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/g, "'");
const words = (s: string) =>
  fold(s)
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean);

type Indexed = ExtractedEntity & { key: string; starts: Set<number>; written?: string | undefined };
const isAcronym = (name: string) => !/\p{Ll}/u.test(name);

/** The name an entity is shown under in this document: its own full wording for a reference entity. */
export const shownName = (e: ExtractedEntity & { written?: string | undefined }) => e.written ?? e.name;

/**
 * The entities of one document, merging mentions that name the same thing: the same reference id; the same
 * project under other words ("Chancay Port", "Puerto de Chancay"); a person's full name and later surname.
 */
export class EntityIndex {
  private readonly entities: Indexed[] = [];
  private readonly byKey = new Map<string, Indexed>();
  // Kept as entities are made, so that a look-up per mention does not walk (and fold) every entity so far: that
  // was quadratic in a long document. Each list is in order of creation, as the walks were.
  private readonly projects: { entity: Indexed; tail: string }[] = [];
  private readonly countries: Indexed[] = [];
  /** the first person of several words whose first or last word this is */
  private readonly personByEnd = new Map<string, Indexed>();
  /** the people of several words that have this word */
  private readonly peopleByWord = new Map<string, Indexed[]>();
  // Words a project's name may add or drop without naming another project ("Chancay Port", "Puerto de Chancay").
  private readonly projectNoise: ReadonlySet<string>;

  // The undo steps of the changes since mark(), newest last; null when no change is being recorded.
  private journal: (() => void)[] | null = null;

  constructor(languages: Languages) {
    this.projectNoise = nameCuesOf(languages).projectNoise;
  }

  /** Starts recording changes, so that the mentions added from now on can be taken back (see rollback). */
  mark(): void {
    this.journal = [];
  }

  /** Keeps the changes made since mark(). */
  commit(): void {
    this.journal = null;
  }

  /** Takes back every change made since mark(): entities created and their look-ups, mentions, names shown. */
  rollback(): void {
    const undo = this.journal ?? [];
    this.journal = null;
    for (let i = undo.length - 1; i >= 0; i--) undo[i]?.();
  }

  /**
   * Records a mention; returns the entity it was merged into. `written` is how the document names a reference
   * entity: the entity is shown under the document's own full name, an acronym giving way to a full name.
   */
  add(type: EntityType, name: string, id: string | null, span: Span, written?: string): ExtractedEntity {
    const key = this.keyOf(type, name, id);
    const entity = this.byKey.get(key) ?? this.linkPerson(type, name);
    if (entity && written && (!entity.written || (isAcronym(entity.written) && !isAcronym(written)))) {
      const before = entity.written;
      this.journal?.push(() => (entity.written = before));
      entity.written = written;
    }
    if (entity) {
      if (!entity.starts.has(span.start)) {
        entity.starts.add(span.start);
        entity.mentions.push({ start: span.start, end: span.end });
        this.journal?.push(() => {
          entity.starts.delete(span.start);
          entity.mentions.pop();
        });
      }
      return entity;
    }
    const created: Indexed = {
      key,
      type,
      name,
      id,
      mentions: [{ start: span.start, end: span.end }],
      starts: new Set([span.start]),
      written,
    };
    this.entities.push(created);
    this.byKey.set(key, created);
    this.journal?.push(() => {
      this.entities.pop();
      this.byKey.delete(key);
    });
    this.indexCreated(created);
    return created;
  }

  // Adds a new entity to the look-ups, each addition with its undo step: a rolled-back stage leaves no trace there.
  private indexCreated(entity: Indexed) {
    if (entity.type === 'project') {
      this.projects.push({ entity, tail: ` ${words(entity.name).join(' ')}` });
      this.journal?.push(() => this.projects.pop());
    }
    if (entity.type === 'country') {
      this.countries.push(entity);
      this.journal?.push(() => this.countries.pop());
    }
    const parts = entity.type === 'person' ? words(entity.name) : [];
    if (parts.length < 2) return;
    for (const end of [parts[0] ?? '', parts[parts.length - 1] ?? '']) {
      if (this.personByEnd.has(end)) continue;
      this.personByEnd.set(end, entity);
      this.journal?.push(() => this.personByEnd.delete(end));
    }
    for (const word of new Set(parts)) {
      const list = this.peopleByWord.get(word);
      if (list) {
        list.push(entity);
        this.journal?.push(() => list.pop());
      } else {
        this.peopleByWord.set(word, [entity]);
        this.journal?.push(() => this.peopleByWord.delete(word));
      }
    }
  }

  /** The full name of a person already seen whose first or last name this is ("Yuan" -> "Yuan Dongzhen"). */
  personNamed(name: string): ExtractedEntity | undefined {
    return this.linkPerson('person', name);
  }

  /** A project already seen whose name ends with this name ("represa Jorge Cepernic" for "Jorge Cepernic"). */
  projectEndingWith(name: string): ExtractedEntity | undefined {
    const tail = words(name).join(' ');
    if (!tail) return undefined;
    return this.projects.find((p) => p.tail.endsWith(` ${tail}`))?.entity;
  }

  /** The first words of the projects named so far ("Cauchari" for "Cauchari Solar Park"). */
  projectHeads(): Set<string> {
    const heads = new Set<string>();
    for (const { entity: e } of this.projects) {
      const first = /^\p{Lu}[\p{L}-]+/u.exec(e.name)?.[0];
      if (first && first.length > 2) heads.add(first);
    }
    return heads;
  }

  /** The ids of the countries named so far. */
  countryIds(): string[] {
    return this.countries.filter((e) => e.id).map((e) => e.id ?? '');
  }

  /** The project named most often so far (the first of equals): what "the project" means in a text. */
  mainProject(): ExtractedEntity | undefined {
    let best: Indexed | undefined;
    for (const { entity: e } of this.projects)
      if (!best || e.mentions.length > best.mentions.length) best = e;
    return best;
  }

  /** Every entity, in order of first mention. */
  list(): ExtractedEntity[] {
    return this.entities
      .map(({ key: _key, starts: _starts, written, ...e }) => ({
        ...e,
        ...(written && written !== e.name ? { name: written, canonical: e.name } : {}),
        mentions: [...e.mentions].sort((a, b) => a.start - b.start),
      }))
      .sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
  }

  private keyOf(type: EntityType, name: string, id: string | null): string {
    if (id) return id;
    if (type === 'project') {
      const core = words(name).filter((w) => !this.projectNoise.has(w));
      return `project:${(core.length ? core : words(name)).join(' ')}`;
    }
    return `${type}:${words(name).join(' ')}`;
  }

  private linkPerson(type: EntityType, name: string) {
    if (type !== 'person') return undefined;
    const parts = words(name);
    if (parts.length !== 1) return undefined;
    const [only = ''] = parts;
    // First or last name first; then a middle name when it is nobody else's ("Lula" in "Luiz Inácio Lula da Silva").
    const byEnds = this.personByEnd.get(only);
    if (byEnds) return byEnds;
    const byMiddle = only.length > 2 ? (this.peopleByWord.get(only) ?? []) : [];
    return byMiddle.length === 1 ? byMiddle[0] : undefined;
  }
}
