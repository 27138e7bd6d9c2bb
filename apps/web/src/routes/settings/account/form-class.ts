import { cx } from "../../../components/ui/cx";
import { panelStyles } from "../../../components/ui/Panel";
import s from "../settings.module.css";

// A form element of its own (not Panel) so the browser leaves validation to us (noValidate).
export const formClass = cx(panelStyles.raised, panelStyles.stack, s.form);
