import { bulletList, message, paragraph, type Message } from './message';

/**
 * The comments the app writes on issues. People it must tell are mentioned, so Jira notifies them; internal
 * comments (routing reasons, bypasses) are restricted to the configured staff role, messages for the
 * client are public.
 */
export type Names = Readonly<Record<string, string>>;

const person = (names: Names, accountId: string) => ({
  mention: accountId,
  name: names[accountId] ?? accountId,
});

export function routedComment(params: {
  readonly spocAccountId: string;
  readonly role: string;
  readonly clientName: string;
  readonly matchReason: string;
  readonly reasons: readonly string[];
  readonly targetReason: string;
  readonly names: Names;
}): Message {
  return message(
    paragraph(
      'Routed to ',
      person(params.names, params.spocAccountId),
      ` (${params.role}) for client `,
      { strong: params.clientName },
      '.',
    ),
    paragraph(params.matchReason),
    bulletList(params.reasons),
    paragraph(params.targetReason),
  );
}

export function unroutedComment(params: {
  readonly clientName: string;
  readonly managerAccountId: string | null;
  readonly matchReason: string;
  readonly reasons: readonly string[];
  readonly names: Names;
}): Message {
  return message(
    params.managerAccountId === null
      ? paragraph(
          'Nobody could take this issue from client ',
          { strong: params.clientName },
          '. A manager must set up its roster.',
        )
      : paragraph(
          'Nobody could take this issue from client ',
          { strong: params.clientName },
          '. ',
          person(params.names, params.managerAccountId),
          ' (escalation manager), please find someone.',
        ),
    paragraph(params.matchReason),
    bulletList(params.reasons),
  );
}

export const clientRepliedComment = (spocAccountId: string, names: Names, due: string | null): Message =>
  message(
    paragraph(
      'The client replied, so the issue is back with ',
      person(names, spocAccountId),
      due ? `. Response due ${due}.` : '.',
    ),
  );

export const bypassComment = (params: {
  readonly spocAccountId: string;
  readonly reason: string;
  readonly reverted: boolean;
  readonly names: Names;
}): Message =>
  message(
    paragraph(person(params.names, params.spocAccountId), `: ${params.reason}`),
    params.reverted ? paragraph('The app assigned the issue back to its SPOC.') : null,
  );

export const vettedComment = (
  by: string,
  deliveryReason: string,
  note: string | undefined,
  names: Names,
): Message =>
  message(
    paragraph(person(names, by), ' accepted the issue for delivery. ', deliveryReason),
    note ? paragraph(note) : null,
  );

export const requestInfoComment = (reporter: string | null, question: string, names: Names): Message =>
  message(
    reporter ? paragraph(person(names, reporter), ', we need some more information:') : null,
    paragraph(question),
  );

export const rejectedComment = (reason: string): Message =>
  message(paragraph('We will not take this issue forward: ', reason));

/** `clientCanOpen` false: the client cannot open the other issue, so updates come here instead. */
export const duplicateComment = (
  duplicateOf: string,
  note: string | undefined,
  clientCanOpen: boolean | null = true,
): Message =>
  message(
    paragraph(
      clientCanOpen === false
        ? `This is a duplicate of ${duplicateOf}, an issue you cannot open; we will post its updates here.`
        : `This is a duplicate of ${duplicateOf}; follow that issue for updates.`,
    ),
    note ? paragraph(note) : null,
  );

export const reopenedComment = (by: string | null, spoc: string | null, names: Names): Message =>
  message(
    paragraph(
      ...(by ? [person(names, by), ' reopened this issue'] : ['This issue is reopened']),
      ...(spoc ? ['; it is back with ', person(names, spoc), '.'] : ['.']),
    ),
  );

export const reassignedComment = (by: string, to: string, reason: string, names: Names): Message =>
  message(paragraph(person(names, by), ' handed this client issue to ', person(names, to), `: ${reason}`));

export const escalatedComment = (
  by: string,
  managerAccountId: string | null,
  level: number,
  reason: string,
  names: Names,
): Message =>
  message(
    managerAccountId
      ? paragraph(
          person(names, by),
          ` escalated this client issue to level ${level}. `,
          person(names, managerAccountId),
          ' (escalation manager), please look at it.',
        )
      : paragraph(person(names, by), ` escalated this client issue to level ${level}.`),
    paragraph(`Reason: ${reason}`),
  );

export const takenOverComment = (
  by: string,
  from: string | null,
  note: string | undefined,
  names: Names,
): Message =>
  message(
    from
      ? paragraph(person(names, by), ' took over this client issue from ', person(names, from), '.')
      : paragraph(person(names, by), ' took over this client issue.'),
    note ? paragraph(note) : null,
  );

export const returnedComment = (by: string, spoc: string, reason: string, names: Names): Message =>
  message(
    paragraph(person(names, by), ' sent this issue back to ', person(names, spoc), ` (SPOC): ${reason}`),
  );

/** One line per ladder step the sweep took on an issue just now; the comment says them together. */
export type LadderNote =
  | {
      readonly step: 'warn-spoc';
      readonly ownerAccountId: string | null;
      readonly dueAt: string;
      readonly unrouted: boolean;
    }
  | {
      readonly step: 'move-to-next-backup';
      readonly from: string | null;
      readonly to: string | null;
      readonly reasons: readonly string[];
      readonly dueAt: string;
    }
  | {
      readonly step: 'notify-escalation-manager';
      readonly managerAccountId: string | null;
      readonly dueAt: string;
    };

/** The escalation ladder's comment: internal, people mentioned so Jira tells them, times absolute. */
export function ladderComment(notes: readonly LadderNote[], names: Names): Message {
  const blocks = notes.flatMap((note) => {
    switch (note.step) {
      case 'warn-spoc':
        if (note.ownerAccountId === null) {
          return [paragraph(`Nobody has taken this client issue yet; a response is due ${note.dueAt}.`)];
        }
        return [
          note.unrouted
            ? paragraph(
                person(names, note.ownerAccountId),
                ` (escalation manager): nobody has taken this client issue yet; a response is due ${note.dueAt}. Please find someone, or acknowledge in the SPOC panel.`,
              )
            : paragraph(
                person(names, note.ownerAccountId),
                `: a response to this client issue is due ${note.dueAt}. Please respond, or acknowledge in the SPOC panel that you are on it.`,
              ),
        ];
      case 'move-to-next-backup':
        return note.to === null
          ? [
              paragraph(
                `The response was due ${note.dueAt} and nobody else on the roster can take the issue now, so it stays`,
                note.from ? ' with ' : '.',
                ...(note.from ? [person(names, note.from), '.'] : []),
              ),
              bulletList(note.reasons),
            ]
          : [
              paragraph(
                `The response was due ${note.dueAt}, so the issue moves `,
                ...(note.from ? ['from ', person(names, note.from), ' '] : []),
                'to ',
                person(names, note.to),
                '.',
              ),
              bulletList(note.reasons),
            ];
      case 'notify-escalation-manager':
        return [
          note.managerAccountId
            ? paragraph(
                person(names, note.managerAccountId),
                ` (escalation manager): the response to this client issue was due ${note.dueAt} and is still outstanding. Please look at it.`,
              )
            : paragraph(
                `The response to this client issue was due ${note.dueAt} and is still outstanding; the client has no escalation manager to tell.`,
              ),
        ];
    }
  });
  return message(...blocks);
}

/** The app handed an issue over while its SPOC is away: who from, who to, and why, on the issue. */
export const handedOverComment = (
  from: string,
  to: string,
  reasons: readonly string[],
  names: Names,
): Message =>
  message(
    paragraph(
      person(names, from),
      ' is out of office, so the app handed this client issue to ',
      person(names, to),
      '.',
    ),
    bulletList(reasons),
  );

export const acknowledgedComment = (
  by: string,
  until: string,
  note: string | undefined,
  names: Names,
): Message =>
  message(
    paragraph(person(names, by), ` is on it: the next escalation step waits until ${until}.`),
    note ? paragraph(note) : null,
  );

export const takenBackComment = (by: string, from: string | null, names: Names): Message =>
  message(
    from
      ? paragraph(
          person(names, by),
          ' is back and took this client issue back from ',
          person(names, from),
          '.',
        )
      : paragraph(person(names, by), ' is back and took this client issue back.'),
  );
