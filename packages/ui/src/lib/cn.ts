import { clsx, type ClassValue } from 'clsx';
import { twMerge } from 'tailwind-merge';

/**
 * Joins class names and resolves Tailwind conflicts so that the last one wins. Components pass
 * the caller's `className` last, so `<Message className="px-8" />` replaces the default padding
 * instead of fighting it in the cascade.
 */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
