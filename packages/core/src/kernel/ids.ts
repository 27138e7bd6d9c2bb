import { z } from "zod";

/** An entity id in an input (a UUID); the message names the field it was given for. */
export const id = (name: string) => z.uuid({ error: `${name} must be a valid id.` });
