/**
 * A labelled choice of one of a model's versions.
 *
 * @example
 * <VersionSelect label="to version" versions={[2, 1]} value={2} onChange={setVersion} />
 */
export function VersionSelect({
  label,
  versions,
  value,
  onChange,
  names = () => '',
}: {
  label: string;
  versions: number[];
  value: number;
  onChange: (version: number) => void;
  /** Words after a version's number (its aliases). */
  names?: (version: number) => string;
}) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {versions.map((v) => (
          <option key={v} value={v}>
            v{v}
            {names(v)}
          </option>
        ))}
      </select>
    </label>
  );
}
