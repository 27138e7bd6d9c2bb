import { emailPreferences, emailSends, notifications } from "@lumen/db";
import { sql } from "drizzle-orm";
import type { Transaction } from "../kernel";
import { effectiveDeliverySql } from "./preferences";

/**
 * The email side of writing notifications, in the same transaction: each new notification
 * whose kind its user gets "instant" becomes one queued row in the email outbox (unique per
 * notification), which the email.send job sends. Daily kinds wait for the digest; "off" ones
 * get nothing. If the transaction rolls back, no email was ever queued.
 */
export async function queueNotificationEmails(tx: Transaction, created: readonly { id: string }[]) {
  if (created.length === 0) return;
  const delivery = effectiveDeliverySql(notifications.kind, emailPreferences.delivery);
  const ids = sql.join(
    created.map((c) => sql`${c.id}::uuid`),
    sql`, `,
  );
  await tx.execute(sql`
    insert into ${emailSends} (user_id, notification_id)
    select ${notifications.userId}, ${notifications.id} from ${notifications}
    left join ${emailPreferences} on ${emailPreferences.userId} = ${notifications.userId}
      and ${emailPreferences.kind} = ${notifications.kind}
    where ${notifications.id} in (${ids}) and ${delivery} = 'instant'
    order by ${notifications.id}
    on conflict do nothing`);
}
