import { describe, expect, it } from 'vitest';
import { classifyByKeywords } from '../../src/domain/keyword-classifier';
import { normaliseWebsite } from '../../src/domain/website';

describe('normaliseWebsite', () => {
  it('adds https to a bare host and keeps http(s) links', () => {
    expect(normaliseWebsite('www.inac.org.al')).toEqual({ url: 'https://www.inac.org.al/' });
    expect(normaliseWebsite('http://cyp.al')).toEqual({ url: 'http://cyp.al/' });
  });

  it('treats "-" and empty as no website, without a problem', () => {
    expect(normaliseWebsite('-')).toEqual({ url: null, problem: null });
    expect(normaliseWebsite('  ')).toEqual({ url: null, problem: null });
  });

  it('refuses every scheme but http and https', () => {
    for (const raw of [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'mailto:a@b.al',
      'ftp://x.al',
    ]) {
      const result = normaliseWebsite(raw);
      expect(result.url, raw).toBeNull();
      expect('problem' in result && result.problem, raw).toMatch(/only http and https/);
    }
  });

  it('refuses hosts with letters outside ASCII instead of turning them into punycode', () => {
    const result = normaliseWebsite('www.ymcatirana.ëordpress.com');
    expect(result.url).toBeNull();
    expect('problem' in result && result.problem).toMatch(/outside ASCII/);
  });

  it('refuses addresses that are not hosts, and credentials', () => {
    expect(normaliseWebsite('not a site').url).toBeNull();
    expect(normaliseWebsite('https://user:pw@example.org').url).toBeNull();
  });
});

describe('classifyByKeywords', () => {
  const classes = [
    { id: 'training', keywords: ['training*', 'tot'] },
    { id: 'awareness', keywords: ['awareness'] },
    { id: 'media', keywords: ['media'] },
  ];
  it('matches whole words, or word starts where the keyword ends in *', () => {
    expect(classifyByKeywords('Trainings / awareness raising', classes)).toEqual([
      'training',
      'awareness',
    ]);
    expect(classifyByKeywords('organization of ToT', classes)).toEqual(['training']);
    expect(classifyByKeywords('total multimedia', classes)).toEqual([]);
  });
});
