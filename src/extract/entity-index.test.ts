import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../reference/lexicon.js';
import { EntityIndex } from './entity-index.js';
import { languagesOf } from './lexicon.js';

const at = (start: number) => ({ start, end: start + 1 });
const fresh = () => new EntityIndex(languagesOf(defaultLexicon()));

describe('EntityIndex rollback', () => {
  it('leaves no trace of the entities it takes back in the look-ups', () => {
    const index = fresh();
    index.add('person', 'Luiz Inácio Lula da Silva', null, at(0));
    index.add('person', 'Yuan Dongzhen', null, at(10));
    index.add('project', 'Chancay Port', null, at(20));
    index.add('country', 'Peru', 'country:PE', at(30));
    index.mark();
    index.add('person', 'Yuan Li', null, at(40));
    index.add('person', 'Maria Lula Souza', null, at(50));
    index.add('person', 'Ana Pérez', null, at(60));
    index.add('project', 'Cauchari Solar Park', null, at(70));
    index.add('project', 'Cauchari Solar Park', null, at(80));
    index.add('country', 'Chile', 'country:CL', at(90));
    index.rollback();

    // Each look-up answers as it did before mark(): the first or last name, the middle name nobody else has,
    // the projects and countries named so far, the project named most often.
    expect(index.personNamed('Yuan')?.name).toBe('Yuan Dongzhen');
    expect(index.personNamed('Li')).toBeUndefined();
    expect(index.personNamed('Pérez')).toBeUndefined();
    expect(index.personNamed('Ana')).toBeUndefined();
    expect(index.personNamed('Lula')?.name).toBe('Luiz Inácio Lula da Silva');
    expect(index.projectEndingWith('Solar Park')).toBeUndefined();
    expect([...index.projectHeads()]).toEqual(['Chancay']);
    expect(index.countryIds()).toEqual(['country:PE']);
    expect(index.mainProject()?.name).toBe('Chancay Port');
    expect(index.list().map((e) => e.name)).toEqual([
      'Luiz Inácio Lula da Silva',
      'Yuan Dongzhen',
      'Chancay Port',
      'Peru',
    ]);

    // And the names taken back can be made again, as new entities.
    expect(index.add('person', 'Ana', null, at(100)).name).toBe('Ana');
    expect(index.add('person', 'Ana Pérez', null, at(110)).name).toBe('Ana Pérez');
    expect(index.personNamed('Pérez')?.name).toBe('Ana Pérez');
  });

  it('keeps the look-ups of what it commits', () => {
    const index = fresh();
    index.mark();
    index.add('person', 'Yuan Dongzhen', null, at(0));
    index.add('project', 'Cauchari Solar Park', null, at(10));
    index.add('country', 'Chile', 'country:CL', at(20));
    index.commit();
    index.rollback();
    expect(index.personNamed('Dongzhen')?.name).toBe('Yuan Dongzhen');
    expect(index.projectEndingWith('Solar Park')?.name).toBe('Cauchari Solar Park');
    expect(index.countryIds()).toEqual(['country:CL']);
  });
});
