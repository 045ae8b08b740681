/** Moderation and corrections: notices about held mails, release, drop, retraction and opt-outs on request. */
package dev.culprit.moderation;
