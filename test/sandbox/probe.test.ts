import { SeamHttp } from '@seamapi/http'
test('loads', () => { expect(typeof SeamHttp.fromApiKey).toBe('function') })
