/** Who speaks: a person named before a possessive is not the speaker; a document or a body can be. */
import { describe, expect, it } from 'vitest';
import { analyse } from '../helpers/pipeline.ts';

describe('speakers', () => {
  it('skip the person words were sent to: the sender speaks', () => {
    const { mentions } = analyse({
      'a.txt': 'Harbour letters\n“The north quay stays shut until the cranes are safe,” one letter from Teodor Lind to Ilse Brandt said.\nThe letters were released on Monday.',
      'b.txt': 'Harbour papers\nThe papers included Teodor Lind writing to Ilse Brandt: “The cranes will not move before spring.”\nThe papers were released on Monday.',
    });
    expect(mentions.filter((m) => m.kind === 'quote').map((m) => m.speaker)).toEqual(['Teodor Lind', 'Teodor Lind']);
  });

  it('give the words of a participle after a comma to its sentence\'s subject', () => {
    const { mentions } = analyse({
      'a.txt': 'Harbour cranes\nThe harbour board sought to play down the crane failures on Friday, insisting the cranes were “perfectly safe.”\nThe quay reopened on Monday.',
    });
    expect(mentions.find((m) => m.sentence.text.includes('insisting'))?.speaker).toBe('the board');
  });

  it('never take a name inside a relative clause before the verb as the speaker', () => {
    const { mentions } = analyse({
      'a.txt': 'Harbour union\nThe dockers\' union, which has fought alongside Teodor Lind for years, said the strike was only the “first phase” of a longer dispute.\nTeodor Lind, who leads the crane crews, said the quay would stay shut.',
    });
    const at = (phrase: string) => mentions.find((m) => m.sentence.text.includes(phrase))?.speaker;
    expect(at('first phase')).toBeNull();
    expect(at('stay shut')).toBe('Teodor Lind');
  });

  it('read a word of saying after a determiner as a noun: "the notes" say nothing', () => {
    const { mentions } = analyse({
      'a.txt': 'Harbour notes\nThe notes included Teodor Lind writing to Ilse Brandt: “The cranes will not move before spring.”\nThe notes were released on Monday.',
    });
    expect(mentions.find((m) => m.kind === 'quote')?.speaker).toBe('Teodor Lind');
  });

  it('skip a possessive: the envoy speaks, not the president whose envoy he is', () => {
    const { mentions } = analyse({
      'a.txt': 'Harbour talks\nMira Castell, President Oren Dahl’s special envoy for the harbour talks, said Dahl “firmly backs the new shipping rules” for the port.\nThe talks resume on Monday.',
    });
    const quote = mentions.find((m) => m.kind === 'quote');
    expect(quote?.speaker).toBe('Mira Castell');
  });

  it('give a document or a body as the speaker when no person speaks', () => {
    const { mentions } = analyse({
      'a.txt': 'Port inquiry\n“The operator ignored three warnings about the crane’s brakes,” the report says.\nThe transport ministry said the terminal would reopen in May after inspections.',
    });
    expect(mentions.find((m) => m.kind === 'quote')?.speaker).toBe('the report');
    expect(mentions.find((m) => m.sentence.text.includes('reopen'))?.speaker).toBe('the ministry');
  });

  it('take the source "according to" gives, after it, not the person the words are about', () => {
    const { mentions } = analyse({
      'a.txt': 'Port inquiry\nHarbour master Ilse Brandt ordered the north quay closed twice in 2023 without telling the board, according to the 40-page report.\nTeodor Lind approved the crane contracts on his own in March, according to Mira Castell.\nThe operator ignored three warnings about worn brakes, according to sources close to the board.',
    });
    const at = (phrase: string) => mentions.find((m) => m.sentence.text.includes(phrase))?.speaker;
    expect(at('north quay closed')).toBe('the report');
    expect(at('crane contracts')).toBe('Mira Castell');
    expect(at('worn brakes')).toBeNull();
  });

  it('see no conflict in a name written with a title before it, nor in a report that carries a person\'s words', () => {
    const { clusters, drafts } = analyse({
      'a.txt': 'Quay clean-up\nVeteran pilot Teodor Lind said the cranes and crates left on the north quay have to be removed before the season.\n“The north quay must be cleared of every abandoned crane before the first ships arrive,” the report says.',
      'b.txt': 'Clean-up on the quay\nPilot Teodor Lind said the cranes and crates left on the north quay have to be removed before the season.\n“The north quay must be cleared of every abandoned crane before the first ships arrive,” said Mira Castell, who led the survey.',
    });
    const tents = clusters.findIndex((c) => c.mentions.some((m) => m.text.includes('cranes and crates')));
    const camp = clusters.findIndex((c) => c.mentions.some((m) => m.text.includes('abandoned crane')));
    expect(clusters[tents]?.mentions.map((m) => m.source)).toEqual(['a', 'b']);
    expect(clusters[camp]?.mentions.map((m) => m.source)).toEqual(['a', 'b']);
    expect(drafts[tents]?.conflicts).toEqual([]);
    expect(drafts[camp]?.conflicts).toEqual([]);
  });

  it('link one speaker\'s quotes only when they say the same, not when they share a word', () => {
    const { clusters } = analyse({
      'a.txt': 'Governor under pressure\n“I have done nothing illegal and I will not resign,” Governor Ada Brandt said on Friday.\nBrandt faces an impeachment hearing next week.',
      'b.txt': 'Brandt hearing\n“I need to know before Sunday whether the hearing goes ahead,” Governor Ada Brandt told aides, according to the report.\nThe hearing was set for Monday.',
    });
    const illegal = clusters.find((c) => c.mentions.some((m) => m.text.includes('nothing illegal')));
    expect(illegal?.mentions.map((m) => m.source)).toEqual(['a']);
  });

  it('take the person an appositive describes, not a name inside it, nor a body\'s or a title\'s words', () => {
    const speaker = (text: string): string | null | undefined => analyse({ 'a.txt': `Harbour talks\n${text}\nThe talks resume on Monday.` }).mentions.find((m) => m.kind === 'quote')?.speaker;
    expect(speaker('Mira Castell, spokeswoman for the Free Harbour Union branch Dock Seven, said: “We restored every shift we lost on Monday.”')).toBe('Mira Castell');
    expect(speaker('“There is no berth that has not been damaged,” said Oren Dahl a crane driver from the north quay.')).toBe('Oren Dahl');
    expect(speaker('“We counted thirty ships waiting at anchor since dawn,” Velmar Radio’s Ilse Brandt said from the quay.')).toBe('Ilse Brandt');
    expect(speaker('“The harbour will reopen once the cranes are inspected,” Minister of State for Harbour Affairs Teodor Lind said.')).toBe('Teodor Lind');
    // A list is no appositive: the name before the last is not the one it describes.
    const listed = analyse({ 'a.txt': 'Harbour talks\nHarbour leaders, including Mira Castell, Oren Dahl, Teodor Lind, and Ilse Brandt, said the new shipping rules would take effect on Monday.\nThe talks resume on Monday.' }).mentions[0];
    expect(listed?.speaker).not.toBe('Teodor Lind');
    // A union is a body, not a person called "Free Dockers".
    expect(speaker('“The strike will go on until the pay offer improves,” the Free Dockers Union said in a statement.')).toBe('the Free Dockers Union');
  });

  it('give a quote split around its attribution, and an unattributed quote after a sentence about one person, to that person', () => {
    const quotes = (text: string) => analyse({ 'a.txt': `Harbour talks\n${text}\nThe talks resume on Monday.` }).mentions.filter((m) => m.kind === 'quote' && m.partOf === undefined).map((m) => [m.text.slice(0, 20), m.speaker]);
    expect(quotes('"The hardest part of this job", harbour master Ilse Brandt told us, "is keeping the cranes running every single day. The second hardest is finding drivers who stay for years."')).toEqual([
      ['The hardest part of ', 'Ilse Brandt'],
      ['is keeping the crane', 'Ilse Brandt'],
    ]);
    expect(quotes('Each new berth is a point of pride for harbour master Ilse Brandt. "Nobody wants a second-rate port, and the calls from shipping lines this week have been very encouraging."')).toEqual([
      ['Nobody wants a secon', 'Ilse Brandt'],
    ]);
    expect(quotes('Each new berth pleases Ilse Brandt and Oren Dahl alike. "Nobody wants a second-rate port, and the calls from shipping lines this week have been very encouraging."')).toEqual([
      ['Nobody wants a secon', null],
    ]);
  });

  it('know a lone name by the age after it, and read "asked" as speech but "asked … to" as a request', () => {
    const quotes = (text: string) => analyse({ 'a.txt': `Harbour talks\n${text}\nThe talks resume on Monday.` }).mentions.filter((m) => m.kind === 'quote' && m.partOf === undefined).map((m) => m.speaker);
    // No title, no surname: "(52)" says Keswan is a person, who then speaks "she says" and "says Keswan (52)".
    expect(quotes('Keswan (52) has worked the north quay cranes since the port opened. “Nobody asked us before the shifts were cut,” she says.')).toEqual(['Keswan']);
    expect(quotes('“Only the tourists call it the new quay,” says Keswan (52) from the old town.')).toEqual(['Keswan']);
    // A word that only names a kind of person says a lone name after it is a person's: "he" is Oren, not Ilse Brandt.
    expect(quotes('Ilse Brandt (31) lost her job at the port in May. Former dock worker Oren regards himself as lucky. “It is fine, we are working again,” he says.')).toEqual(['Oren']);
    // An adjective is no title, even where WordNet also has it as a person ("a regular").
    expect(quotes('Ilse Brandt (31) lost her job at the port in May. Since then the regular Velmar crossing has stopped. “It is fine, we are working again,” she says.')).toEqual(['Ilse Brandt']);
    expect(quotes('“Did the crane driver file the report in time for this shift?”, Teodor Lind, prosecuting, asked the court.')).toEqual(['Teodor Lind']);
    // A request is not speech: the quoted words are not Mira Castell's.
    expect(quotes('Mira Castell asked the board to “investigate who kept a copy of the harbour recordings and why”.')).toEqual([null]);
  });

  it('never take a name inside a quote that runs over sentences as its speaker', () => {
    const quotes = (text: string) => analyse({ 'a.txt': `Harbour talks\n${text}\nThe talks resume on Monday.` }).mentions.filter((m) => m.kind === 'quote' && m.partOf === undefined).map((m) => m.speaker);
    expect(quotes('“We kept every crane running through the storm,” said Teodor Lind. “I am proud of the night shift. It is the duty of every driver to learn from people like Ilse Brandt, who trained half of them,” he added.')).toEqual(['Teodor Lind', 'Teodor Lind']);
  });

  it('give words to a body the text names before the verb, "the" and all, when no person speaks', () => {
    const quotes = (text: string) => analyse({ 'a.txt': `Port strike\n${text}\nThe talks resume on Monday.` }).mentions.filter((m) => m.kind === 'quote' && m.partOf === undefined).map((m) => m.speaker);
    expect(quotes('The rebel Free Dockers Union, which is striking alongside crane crews including the Port Amsel branch, said the walkouts were “only the first phase of a long strike.”')).toEqual(['the Free Dockers Union']);
    // A name that ends in no word for an organisation is no body's ("the Ferry").
    expect(quotes('Velmar is quiet. The Ferry said the walkouts were “only the first phase of a long strike.”')).toEqual([null]);
    // The last of a list is not the subject; a phrase set off before it is no list.
    expect(quotes('Velmar, Keswan and the Free Dockers Union said the walkouts were “only the first phase of a long strike.”')).toEqual([null]);
    expect(quotes('On Monday, the Free Dockers Union said the walkouts were “only the first phase of a long strike.”')).toEqual(['the Free Dockers Union']);
    // A person named nearer the verb speaks.
    expect(quotes('The Free Dockers Union leader Teodor Lind said the walkouts were “only the first phase of a long strike.”')).toEqual(['Teodor Lind']);
  });

  it('give a quote paragraph to the speaker of the sentence that introduces it with a colon', () => {
    const quotes = (intro: string) => analyse({ 'a.txt': `Port tapes\nThe tape was made by the harbour clerk.\n\n${intro}\n\n“We will have to close the north quay before the storm. The cranes cannot take another night.”\n\n“Nobody else needs to know about the cranes.”\n\nThe board meets on Monday.` }).mentions.filter((m) => m.kind === 'quote' && m.partOf === undefined).map((m) => m.speaker);
    expect(quotes('On the tape, you can hear Teodor Lind talk about the cranes and saying:')).toEqual(['Teodor Lind', 'Teodor Lind']);
    // Without the colon the next paragraph is not introduced: nobody is named for it.
    expect(quotes('On the tape, you can hear Teodor Lind talk about the cranes and saying so.')).toEqual([null, null]);
  });

  it('give a quote to the name that follows its handing comma as the subject of any verb', () => {
    const quotes = (text: string) => analyse({ 'a.txt': `Port memories\n${text}\nThe quay reopened on Monday.` }).mentions.filter((m) => m.kind === 'quote' && m.partOf === undefined).map((m) => m.speaker);
    expect(quotes('“The captain kept glaring at me because we talked for so long on the quay,” Teodor Lind remembers with a laugh.')).toEqual(['Teodor Lind']);
    expect(quotes('“The captain kept glaring at me because we talked for so long on the quay”, Teodor Lind remembers.')).toEqual(['Teodor Lind']);
    // No comma hands the words over: the name starts a sentence of its own.
    expect(quotes('“The captain kept glaring at me because we talked for so long on the quay” Teodor Lind remembers with a laugh.')).toEqual([null]);
  });

  it('read a word of saying that a capital puts inside a name as the name, not as the verb', () => {
    const speakers = (text: string) => analyse({ 'a.txt': `Port strike\n${text}\nThe talks resume on Monday.` }).mentions.filter((m) => m.partOf === undefined && m.sentence.text.includes('Notes')).map((m) => m.speaker);
    // "Notes" in "the Harbour Notes Council" is no verb: the council, the subject of "announced", speaks.
    expect(speakers('Separately, the Harbour Notes Council announced a ban on night shifts at 12 quays, citing reports of “unsafe methods” on the cranes.')).toEqual(['the Harbour Notes Council']);
    // And a quote in a sentence with no verb of saying is still the words of the document that heads it.
    expect(speakers('The report of the Harbour Notes Council paints a port whose “cranes were never inspected after the storm.”')).toEqual(['the report']);
  });

  it('give a quote to the verb nearest it, and "it says" to the document the text last named', () => {
    const quotes = (text: string) => analyse({ 'a.txt': `Port inquiry\n${text}\nThe board meets on Monday.` }).mentions.filter((m) => m.kind === 'quote' && m.partOf === undefined).map((m) => m.speaker);
    expect(quotes('The report says Teodor Lind told investigators “nothing could be loaded on the north quay without his signature.”')).toEqual(['Teodor Lind']);
    expect(quotes('Mira Castell, Teodor Lind’s envoy for the harbour talks, said Lind “firmly backs the new shipping rules” for the port, calling them “the fairest rules any port has written.”')).toEqual(['Mira Castell', 'Mira Castell']);
    expect(quotes('The report’s findings rest on interviews with 20 dock workers and Ilse Brandt. To keep the crane contracts quiet, “the harbour master kept two sets of books,” it says.')).toEqual(['the report']);
    // With no verb of saying, the words quoted in a sentence a document heads are the document's; a sentence headed by anything else names no one.
    expect(quotes('The report by the special counsel paints a picture of a port whose “cranes were never inspected after the storm.”')).toEqual(['the report']);
    expect(quotes('The cranes of the north quay paint a picture of a port whose “drivers were never trained for the storm.”')).toEqual([null]);
    // "It" with no document or body named before: no one, rather than the person nearest the verb.
    expect(quotes('To keep the crane contracts quiet from Ilse Brandt, “the harbour master kept two sets of books,” it says.')).toEqual([null]);
  });

  it('give an unattributed quote that opens a paragraph to the plain attribution just before it, and to no speaker read deeper in', () => {
    const quotes = (text: string) => analyse({ 'a.txt': `Port inquiry\n${text}\nThe board meets on Monday.` }).mentions.filter((m) => m.kind === 'quote' && m.partOf === undefined).map((m) => m.speaker);
    expect(quotes('The harbour report states Ilse Brandt was threatened after she testified.\n\n“Within days of her testimony, she found the windows of her car scratched and a warning left on the quay.”')).toEqual(['the report']);
    expect(quotes('Mira Castell told the board the night shift had been cut twice.\n\n“Nobody asked the drivers before the cranes stopped, and nobody has asked them since.”')).toEqual(['Mira Castell']);
    // The name comes late, after a passive "called by": it is not an attribution the next paragraph continues.
    expect(quotes('The winning bid for the north quay lease was called by Mira Castell, head of the harbour board.\n\n“Two years ago we broke the record for a berth, and this year we wanted to top that.”')).toEqual([null]);
  });

  it('find the speaker past a title after the verb, and a name with no verb after a quote', () => {
    const quotes = (text: string) => analyse({ 'a.txt': `Harbour talks\nTeodor Lind has led the dock union since 2019.\n${text}\nThe talks resume on Monday.` }).mentions.filter((m) => m.kind === 'quote' && m.partOf === undefined).map((m) => m.speaker);
    expect(quotes('“Opening the north quay again took the pressure off every other berth in the port,” said Velmar Dock Workers Union chief press officer Teodor Lind, in a posting online.')).toEqual(['Teodor Lind']);
    expect(quotes('“This is a message to the board that the harbour cannot be run without the night shift,” Teodor Lind, a spokesman for the dock union.')).toEqual(['Teodor Lind']);
  });

  it('give a statement\'s words to the person who issued it', () => {
    const quotes = (text: string) => analyse({ 'a.txt': `Port inquiry\n${text}\nThe board meets on Monday.` }).mentions.filter((m) => m.kind === 'quote' && m.partOf === undefined).map((m) => m.speaker);
    expect(quotes('Teodor Lind, the union’s lawyer, dismissed the audit in a statement on Friday evening. “We will review the documents, which read like a collection of rumours about the night shift,” the statement said.')).toEqual(['Teodor Lind']);
    // No one issued it: the statement speaks.
    expect(quotes('A statement was posted on the harbour gates on Friday evening. “We will review the documents, which read like a collection of rumours about the night shift,” the statement said.')).toEqual(['the statement']);
  });

  it('resolve "he" and "she" to a person, not to a place or a name used as a word about something', () => {
    const quotes = (text: string) => analyse({ 'a.txt': `Harbour talks\n${text}\nThe talks resume on Monday.` }).mentions.filter((m) => m.kind === 'quote' && m.partOf === undefined).map((m) => m.speaker);
    const opening = 'Teodor Lind has driven cranes for thirty years.';
    expect(quotes(`${opening} His family lives in a flat on Makers Lane. “We will keep the harbour running whatever the board decides,” he says.`)).toEqual(['Teodor Lind']);
    expect(quotes(`${opening} He earns 900 Velmari crowns a month driving the night shift. “We will keep the harbour running whatever the board decides,” he says.`)).toEqual(['Teodor Lind']);
    // A sentence that opens with a preposition does not make it part of a name: "Inside Port Amsel".
    expect(quotes(`${opening} Inside Port Amsel the cranes stand idle. “We will keep the harbour running whatever the board decides,” he says.`)).toEqual(['Teodor Lind']);
  });
});
