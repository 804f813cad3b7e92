import type { IconName } from '../Icon';

export interface TabItem {
  id: string;
  label: string;
  icon?: IconName;
}

/**
 * A WAI-ARIA tab list (automatic activation): arrow keys move and select, mirrored in
 * right-to-left text; Home / End go to the first / last tab. Each tab is `${idPrefix}-${id}`
 * (its id and data-testid) and controls `panelId`.
 */
export interface TabsProps {
  items: readonly TabItem[];
  selected: string;
  onSelect: (id: string) => void;
  /** Accessible name of the tab list. */
  label: string;
  idPrefix: string;
  /** id of the tabpanel the tabs control. */
  panelId: string;
  /** md: in a card; lg: the app's tool tabs. */
  size?: 'md' | 'lg';
  /** Wrap onto more rows when the tabs do not fit (the app's tool bar); default: scroll sideways. */
  wrap?: boolean;
}
