import { type AxdrValue, isList } from "../axdr/value";
import { formatObis } from "./obis";
import type { CosemValue } from "./value";
import { fromValue, type WalkResult } from "./walk";

/**
 * Pushes that carry their own push_object_list (Blue Book 4.4.8, IC 40 Push setup, attribute 2): the
 * body is a structure whose first element is the array of capture_object_definition
 *   structure { class_id long-unsigned, logical_name octet-string(6), attribute_index integer,
 *               data_index long-unsigned }
 * and whose element i is the value of definition i (element 0 is that array itself). The Swiss VSE
 * 2026 configuration of L+G E360 and Iskraemeco AM550 sends this. Each value takes its definition's
 * logical name; the registers' scaler_unit (attribute 3) is not pushed.
 */
export interface CaptureObject {
  readonly classId: number;
  readonly obis: string;
  readonly attributeIndex: number;
}

function captureObject(v: AxdrValue): CaptureObject | undefined {
  if (!isList(v) || v.kind !== "structure" || v.items.length !== 4) return undefined;
  const [cls, ln, attr, index] = v.items;
  const isUint16 = (x: AxdrValue | undefined) => x?.tag === 18;
  if (!isUint16(cls) || !isUint16(index) || ln?.kind !== "octets" || ln.bytes.length !== 6) return undefined;
  if (attr?.tag !== 15 || cls!.kind !== "uint" || attr.kind !== "int") return undefined;
  return { classId: Number(cls!.value), obis: formatObis(ln.bytes), attributeIndex: Number(attr.value) };
}

/** The capture objects of a body that starts with its push_object_list, if it does. */
export function pushObjectList(body: AxdrValue): CaptureObject[] | undefined {
  if (!isList(body) || body.kind !== "structure" || body.items.length < 2) return undefined;
  const list = body.items[0]!;
  if (!isList(list) || list.kind !== "array" || list.items.length !== body.items.length) return undefined;
  const objects: CaptureObject[] = [];
  for (const def of list.items) {
    const o = captureObject(def);
    if (!o) return undefined;
    objects.push(o);
  }
  return objects;
}

/** Labels each value by its capture object; undefined when the body carries no push_object_list. */
export function walkPushObjectList(body: AxdrValue): WalkResult | undefined {
  const objects = pushObjectList(body);
  if (!objects || !isList(body)) return undefined;
  const cosem: CosemValue[] = [];
  for (let i = 1; i < objects.length; i++) {
    cosem.push(fromValue(objects[i]!.obis, body.items[i]!, undefined, undefined, "telegram"));
  }
  return { cosem, unlabeled: [] };
}
