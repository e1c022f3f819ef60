import { createContext } from 'react';

/**
 * The level of a panel's heading. Pages hold panels under their h1 (level 2); the first-run guide
 * shows the same panels inside a step that has its own h2, so it provides 3 and the outline stays whole.
 */
export const HeadingLevelContext = createContext<2 | 3>(2);
