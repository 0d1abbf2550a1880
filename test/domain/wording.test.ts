import { resourcesText, supportSentence } from '../../src/domain/wording';

describe('the programme resources and support, in words', () => {
  it('gives the handbook and the video a line each, and nothing when Settings has neither', () => {
    expect(resourcesText({ handbookUrl: 'https://h.example/book', videoUrl: '' })).toBe(
      'The mentoring handbook, with templates to plan your meetings: https://h.example/book',
    );
    expect(resourcesText({ handbookUrl: 'https://h.example/book', videoUrl: 'https://v.example/v' })).toBe(
      'The mentoring handbook, with templates to plan your meetings: https://h.example/book\nA short video about mentoring: https://v.example/v',
    );
    expect(resourcesText({ handbookUrl: '', videoUrl: '' })).toBe('');
  });

  it('names the coach and the contact for when things go wrong, with their addresses when known', () => {
    const text = supportSentence({
      coachName: 'Dr Alex Morgan',
      coachEmail: 'coach@example.org',
      contactName: 'Jo Bloggs',
      contactEmail: '',
    });
    expect(text).toContain('Dr Alex Morgan, the scheme’s professional coach and supervisor');
    expect(text).toContain('(coach@example.org)');
    expect(text).toContain('you can also talk to Jo Bloggs.');
    expect(supportSentence({ coachName: '', coachEmail: '', contactName: '', contactEmail: '' })).toBe('');
  });

  it('names the coach alone for someone whose pairing has just ended', () => {
    const people = {
      coachName: 'Dr Alex Morgan',
      coachEmail: '',
      contactName: 'Jo Bloggs',
      contactEmail: '',
    };
    expect(supportSentence(people, { paired: false })).toBe(
      'Dr Alex Morgan, the scheme’s professional coach and supervisor, is there for one-to-ones.',
    );
    expect(supportSentence({ ...people, coachName: '' }, { paired: false })).toBe('');
  });
});
