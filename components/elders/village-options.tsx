/** Villages grouped by township, for a plain (accessible) select. */
export type TVillageOption = { code: string; name: string; townshipName: string };

export function VillageOptions({ villages }: { villages: TVillageOption[] }) {
  const groups = new Map<string, TVillageOption[]>();
  for (const v of villages) groups.set(v.townshipName, [...(groups.get(v.townshipName) ?? []), v]);
  return (
    <>
      {[...groups].map(([township, list]) => (
        <optgroup key={township} label={township}>
          {list.map((v) => (
            <option key={v.code} value={v.code}>
              {v.name}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
