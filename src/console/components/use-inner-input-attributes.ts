import { useCallback } from 'react';

/** Where the input is: a TDesign Input's ref handle, or any element around the control. */
type InputHost = HTMLElement | { inputElement?: HTMLInputElement | null } | null;

/**
 * TDesign 1.18's Input (and Select, which renders one) spreads extra props onto its wrapper <div>,
 * never onto the <input>, so `<label for>`, aria-label or aria-invalid cannot reach the control.
 * Pass the returned ref to a TDesign Input, or to an element around a control (e.g. a Select): it
 * copies the attributes onto the <input>. React does not manage these attributes, so it never undoes them.
 */
export function useInnerInputAttributes(attributes: Record<string, string>): (host: InputHost) => void {
  const serialized = JSON.stringify(attributes);
  return useCallback(
    (host: InputHost) => {
      const input = host instanceof HTMLElement ? host.querySelector('input') : host?.inputElement;
      if (!input) return;
      for (const [name, value] of Object.entries(JSON.parse(serialized) as Record<string, string>)) input.setAttribute(name, value);
    },
    [serialized],
  );
}
