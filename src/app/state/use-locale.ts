import { useCallback } from 'react'
import type { MessageId } from '../../i18n/en.ts'
import { translate, type Locale, type MessageArgs } from '../../i18n/translate.ts'
import { useAppState, useDispatch } from './store-context.tsx'

/** Turns a message id of the catalog into text in the current language. */
export type Translate = (id: MessageId, args?: MessageArgs) => string

/** The current language, a way to change it, and `t` for messages in it. */
export function useLocale(): { locale: Locale; setLocale: (locale: Locale) => void; t: Translate } {
  const locale = useAppState((state) => state.preferences.locale)
  const dispatch = useDispatch()
  const setLocale = useCallback(
    (next: Locale) => dispatch({ type: 'locale.set', locale: next }),
    [dispatch],
  )
  const t = useCallback<Translate>((id, args) => translate(locale, id, args), [locale])
  return { locale, setLocale, t }
}
