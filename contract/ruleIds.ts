/**
 * Rule ids for model constraints are derived from member paths, so that adding a member to the
 * contract adds its rules: `ClientName` + max length gives `client-name.max-length`,
 * `CallbackURLs[]` + pattern gives `callback-urls.item-pattern`.
 */
export type ConstraintKind = 'required' | 'min-length' | 'max-length' | 'min' | 'max' | 'pattern' | 'enum' | 'max-items';

export function kebabMember(name: string): string {
  return name
    .replace(/OAuth/g, 'Oauth')
    .replace(/URLs/g, 'Urls')
    .replace(/URI/g, 'Uri')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

/** `AnalyticsConfiguration.RoleArn` → `analytics-configuration.role-arn`; `CallbackURLs[]` → `callback-urls` (+ item). */
export function modelRuleId(path: string, constraint: ConstraintKind): string {
  const isItem = path.endsWith('[]');
  const base = (isItem ? path.slice(0, -2) : path).split('.').map(kebabMember).join('.');
  return `${base}.${isItem ? 'item-' : ''}${constraint}`;
}
