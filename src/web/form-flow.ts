/**
 * The one form pattern of the web app: read the posted form (CSRF checked) → run the command →
 * on success a flash message and a redirect (303, so a reload does not post again); on a command
 * error the same form again, with the submitted values and each message next to its field (400).
 */
import {
  type FormErrors,
  type FormValues,
  flash,
  formErrors,
  readForm,
  requireWebUser,
  type WebContext,
} from './context.ts';

export interface FormFlow<R> {
  /** Runs the command for the submitted form; throws what the command throws. */
  run(form: FormValues): Promise<R>;
  /** After success: the message to show and where to go. */
  done(result: R, form: FormValues): { message: string; to: string };
  /** The form again with its values and errors; the page answers with status 400. */
  again(form: FormValues, errors: FormErrors): Response | Promise<Response>;
  /** Turns a command error into field messages (default: `formErrors`). */
  errors?(e: unknown): FormErrors;
}

export async function submitForm<R>(c: WebContext, flow: FormFlow<R>): Promise<Response> {
  requireWebUser(c);
  const form = await readForm(c);
  let result: R;
  try {
    result = await flow.run(form);
  } catch (e) {
    const errors = (flow.errors ?? formErrors)(e);
    return flow.again(form, errors);
  }
  const { message, to } = flow.done(result, form);
  flash(c, message);
  return c.redirect(to, 303);
}
