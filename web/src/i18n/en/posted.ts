// The posted lists' pages (posted.*). English: typed by the Vietnamese keys (../vi/posted.ts), loaded
// when the English locale needs it.
import type { Catalogue } from '../format.ts';
import type { strings as vi } from '../vi/posted.ts';

export const strings: Catalogue<typeof vi> = {
  'posted.intro':
    'The lists the commune posts before a decision: review results of social assistance, results of the poor and near-poor household review. If something is wrong, send a comment during the posting period.',
  'posted.show': 'Show the lists',
  'posted.none': 'No list is posted at the moment.',
  'posted.back': '← Lists on view',
  'posted.period': 'Posted from {from} to the end of {until} ({n} working days, {basis})',
  'posted.fieldsNote': 'A list shows only the name, hamlet and group; no ID number, birth date, health information or information on people living with HIV.',
  'posted.position': 'No.',
  'posted.hamlet': 'Hamlet',
  'posted.group': 'Group',
  'posted.commentTitle': 'Send a comment on the list',
  'posted.commentIntro': 'Your comment goes to the commune officer and is kept with the decision. No sign-in needed.',
  'posted.author': 'Your name',
  'posted.contact': 'Phone or address for the answer',
  'posted.contactHint': 'Optional; not shown publicly',
  'posted.body': 'Your comment',
  'posted.send': 'Send the comment',
  'posted.sent': 'Comment sent. The commune officer will consider it before the decision.',
  'posted.comments': "Citizens' comments ({n})",
  'posted.answer': 'How the comment was considered',
  'posted.record': 'Record',
  'posted.answered': 'Considered',
  'posted.decided': 'Decided: no. {number} of {date}',
};
