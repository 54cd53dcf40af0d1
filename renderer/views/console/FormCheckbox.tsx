interface Props {
  /** The input's name: tests and assistive tech find the box by it and by its label. */
  name: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Takes the form's whole row, for a label too long to share one. */
  wide?: boolean;
}

/** A yes/no field of a console form, its label beside the box (the forms' `label.checkbox`). */
export function FormCheckbox({ name, label, checked, onChange, wide = false }: Props) {
  return (
    <label className={wide ? 'checkbox wide' : 'checkbox'}>
      <input
        type="checkbox"
        name={name}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}
