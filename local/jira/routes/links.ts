import type { Router } from '../../http/router';
import { json } from '../../http/types';
import { findByIdOrName, LINK_TYPES } from '../catalog';
import { jira } from '../edit';
import { commentedEvent, updatedEvent } from '../events';
import {
  badRequest,
  fieldErrors,
  forbidden,
  isObject,
  ISSUE_NOT_FOUND,
  jiraHandler,
  notFound,
  objectBody,
  onlyKnownKeys,
  type JiraServices,
} from '../http';
import type { IssueRecord } from '../store';
import { addComment, parseCommentInput } from './comments';
import { eventSource } from './issue-helpers';

/**
 * Issue links: create, and delete by id. As in Jira's API, `inwardIssue` is the source and `outwardIssue` the destination: with type
 * Blocks, `{ inwardIssue: A, outwardIssue: B }` reads "A blocks B". Each side gets a "Link" changelog item
 * and an issue-updated event.
 */
export function linkRoutes(router: Router, svc: JiraServices): void {
  router.post(
    '/rest/api/3/issueLink',
    jiraHandler(svc, (jr) => {
      const { store, clock } = jr.svc;
      const body = objectBody(jr.req);
      onlyKnownKeys(body, ['type', 'inwardIssue', 'outwardIssue', 'comment']);
      const errors: Record<string, string> = {};
      const type = isObject(body.type) ? findByIdOrName(LINK_TYPES, body.type) : undefined;
      if (!type) errors.issueLinkType = 'No issue link type with the given name or id was found.';
      const issueRef = (ref: unknown, field: string): IssueRecord | undefined => {
        const idOrKey = isObject(ref)
          ? typeof ref.key === 'string'
            ? ref.key
            : typeof ref.id === 'string'
              ? ref.id
              : undefined
          : undefined;
        if (!idOrKey) {
          errors[field] = `Specify the ${field} by key or id.`;
          return undefined;
        }
        return store.getIssue(idOrKey);
      };
      const source = issueRef(body.inwardIssue, 'inwardIssue');
      const destination = issueRef(body.outwardIssue, 'outwardIssue');
      if (Object.keys(errors).length > 0 || !type) throw fieldErrors(errors);
      if (
        !source ||
        !destination ||
        !jr.access.canBrowseIssue(source) ||
        !jr.access.canBrowseIssue(destination)
      ) {
        throw notFound(ISSUE_NOT_FOUND);
      }
      if (source.id === destination.id)
        throw fieldErrors({ issueLinkType: 'You cannot link an issue to itself.' });
      if (!jr.access.has(source.projectId, 'LINK_ISSUES'))
        throw forbidden('You do not have the permission to link issues.');
      const commentInput =
        body.comment === undefined ? undefined : parseCommentInput(jr, source, body.comment);
      if (commentInput && !jr.access.hasOnIssue(source, 'ADD_COMMENTS')) {
        throw forbidden('You do not have the permission to comment on this issue.');
      }
      if (store.findLink(type.id, source.id, destination.id)) return json(201);

      const now = clock.iso();
      const result = store.transaction(() => {
        store.insertLink({
          id: store.nextId('link'),
          typeId: type.id,
          inwardIssueId: source.id,
          outwardIssueId: destination.id,
        });
        const sourceLog = store.addChangelog(source.id, jr.access.accountId, now, [
          jira(
            'Link',
            'issuelinks',
            null,
            null,
            destination.key,
            `This issue ${type.outward} ${destination.key}`,
          ),
        ]);
        const destinationLog = store.addChangelog(destination.id, jr.access.accountId, now, [
          jira('Link', 'issuelinks', null, null, source.key, `This issue ${type.inward} ${source.key}`),
        ]);
        store.touchIssue(source.id, now);
        store.touchIssue(destination.id, now);
        const comment = commentInput ? addComment(jr, source, commentInput, now) : undefined;
        return { sourceLog, destinationLog, comment };
      });
      const src = eventSource(jr);
      jr.emit(updatedEvent(src, { ...source, updated: now }, result.sourceLog));
      jr.emit(updatedEvent(src, { ...destination, updated: now }, result.destinationLog));
      if (result.comment) jr.emit(commentedEvent(src, { ...source, updated: now }, result.comment));
      return json(201);
    }),
  );

  router.delete(
    '/rest/api/3/issueLink/:linkId',
    jiraHandler(svc, (jr) => {
      const { store, clock } = jr.svc;
      const linkId = jr.req.params.linkId ?? '';
      if (!/^\d+$/.test(linkId)) throw badRequest(`The issue link ID '${linkId.slice(0, 20)}' is invalid.`);
      const link = store.getLink(linkId);
      const source = link && store.getIssue(link.inwardIssueId);
      const destination = link && store.getIssue(link.outwardIssueId);
      const type = link && LINK_TYPES.find((t) => t.id === link.typeId);
      // Jira answers "not found" both for a missing link and for one the caller may not see or change.
      const may =
        source &&
        destination &&
        jr.access.canBrowseIssue(source) &&
        jr.access.canBrowseIssue(destination) &&
        (jr.access.has(source.projectId, 'LINK_ISSUES') ||
          jr.access.has(destination.projectId, 'LINK_ISSUES'));
      if (!link || !source || !destination || !type || !may)
        throw notFound(`No issue link with id '${linkId}' exists.`);
      const now = clock.iso();
      const logs = store.transaction(() => {
        store.deleteLink(link.id);
        const sourceLog = store.addChangelog(source.id, jr.access.accountId, now, [
          jira(
            'Link',
            'issuelinks',
            destination.key,
            `This issue ${type.outward} ${destination.key}`,
            null,
            null,
          ),
        ]);
        const destinationLog = store.addChangelog(destination.id, jr.access.accountId, now, [
          jira('Link', 'issuelinks', source.key, `This issue ${type.inward} ${source.key}`, null, null),
        ]);
        store.touchIssue(source.id, now);
        store.touchIssue(destination.id, now);
        return { sourceLog, destinationLog };
      });
      const src = eventSource(jr);
      jr.emit(updatedEvent(src, { ...source, updated: now }, logs.sourceLog));
      jr.emit(updatedEvent(src, { ...destination, updated: now }, logs.destinationLog));
      return json(204);
    }),
  );
}
